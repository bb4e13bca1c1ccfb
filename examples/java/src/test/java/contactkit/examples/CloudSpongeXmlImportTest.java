package contactkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** A CloudSponge import in XML, read with the JDK's HTTP client and XPath. */
@ExtendWith(ContactkitMocksExtension.class)
class CloudSpongeXmlImportTest {
  // The documentation's domain key and password, and its example account (foo/bar).
  private static final String DOMAIN_KEY = "33664218758c5244136965160db455db012b1411";
  private static final String DOMAIN_PASSWORD = "Tpa01z+vVPE7MxXi";
  // Every answer comes at once on a manual clock; a stuck simulator fails the test instead of hanging it.
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Map<String, String> ACCOUNT = Map.of("service", "icloud", "username", "foo", "password", "bar");

  private final HttpClient http = HttpClient.newHttpClient();
  private final XPath xpath = XPathFactory.newInstance().newXPath();

  @Test
  void theImportCompletesWhenTheClockMovesAndTheContactsReadAsXml(ContactkitMocks mocks) throws Exception {
    String base = mocks.url("cloudsponge");
    String importId = beginImport(base, DOMAIN_PASSWORD);

    // The clock has not moved: the import is still gathering and there are no contacts yet.
    Document progress = xml(get(base + "/events/" + importId + ".xml", DOMAIN_PASSWORD, 200));
    assertEquals(0.0, number(progress, "count(//event[event-type='COMPLETE'])"));
    get(base + "/contacts/" + importId + ".xml", DOMAIN_PASSWORD, 404);

    // Initializing (1 s) and gathering (3 s) pass in an instant on the manual clock.
    mocks.advance(4_000);
    Document done = xml(get(base + "/events/" + importId + ".xml", DOMAIN_PASSWORD, 200));
    assertEquals("COMPLETED", text(done, "//event[event-type='COMPLETE']/status"));

    Document book = xml(get(base + "/contacts/" + importId + ".xml", DOMAIN_PASSWORD, 200));
    assertEquals("Joe Smith", text(book, "concat(/contactsResponse/contacts-owner/first-name, ' ',"
        + " /contactsResponse/contacts-owner/last-name)"));
    assertEquals(List.of("John Doe", "Jane Smith"), names(book));
    assertEquals("555-1234", text(book, "//contact[first-name='John']/phone/phone/number"));
  }

  @Test
  void aPageOfOneSaysHowManyThereAreInAll(ContactkitMocks mocks) throws Exception {
    String base = mocks.url("cloudsponge");
    String importId = beginImport(base, DOMAIN_PASSWORD);
    mocks.advance(4_000);

    Document page = xml(get(base + "/contacts/" + importId + ".xml?start=1&count=1", DOMAIN_PASSWORD, 200));
    assertEquals(List.of("Jane Smith"), names(page));
    assertEquals(2.0, number(page, "number(/contactsResponse/total)"));
  }

  @Test
  void aWrongDomainPasswordIsRefusedInCloudSpongesXmlErrorFormat(ContactkitMocks mocks) throws Exception {
    String base = mocks.url("cloudsponge");
    String importId = beginImport(base, DOMAIN_PASSWORD);

    Document refusal = xml(get(base + "/events/" + importId + ".xml", "not-the-password", 401));
    assertEquals("error", text(refusal, "/result/status"));
    assertTrue(text(refusal, "/result/error/message").startsWith("Access was denied"));
  }

  private String beginImport(String base, String password) throws Exception {
    String form = ACCOUNT.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/begin_import/import.xml"))
        .timeout(TIMEOUT)
        .header("Authorization", basic(password))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
    Document result = xml(response.body());
    assertEquals("success", text(result, "/result/status"));
    return text(result, "/result/import-id");
  }

  private byte[] get(String url, String password, int expectedStatus) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(TIMEOUT)
        .header("Authorization", basic(password))
        .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(expectedStatus, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
    return response.body();
  }

  private static String basic(String password) {
    String pair = DOMAIN_KEY + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static Document xml(byte[] body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    // Answers from an API are data, never a reason to read other files.
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
  }

  private String text(Document document, String expression) throws Exception {
    return (String) xpath.evaluate(expression, document, XPathConstants.STRING);
  }

  private double number(Document document, String expression) throws Exception {
    return (Double) xpath.evaluate(expression, document, XPathConstants.NUMBER);
  }

  private List<String> names(Document document) throws Exception {
    NodeList contacts =
        (NodeList) xpath.evaluate("/contactsResponse/contacts/contact", document, XPathConstants.NODESET);
    List<String> names = new ArrayList<>();
    for (int index = 0; index < contacts.getLength(); index++) {
      names.add(xpath.evaluate("concat(first-name, ' ', last-name)", contacts.item(index)));
    }
    return names;
  }
}
