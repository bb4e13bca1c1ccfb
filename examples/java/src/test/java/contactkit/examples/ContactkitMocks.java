package contactkit.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The running simulators: their base URLs, and the admin calls tests need. */
public final class ContactkitMocks {
  /** The simulators a run starts; the ready file also names the index page. */
  public static final List<String> VENDORS = List.of("cloudsponge", "aurinko", "omnigage", "s3");

  private final Map<String, String> urls;
  private final HttpClient http = HttpClient.newHttpClient();

  ContactkitMocks(Map<String, String> urls) {
    this.urls = Map.copyOf(urls);
  }

  /** A simulator's base URL, such as {@code http://127.0.0.1:40123}. */
  public String url(String vendor) {
    String url = urls.get(vendor);
    if (url == null) {
      throw new IllegalArgumentException("No simulator named " + vendor + "; choose from " + urls.keySet() + ".");
    }
    return url;
  }

  /** Moves the clock every simulator shares (any simulator's admin API moves all of them). */
  public void advance(long ms) throws IOException, InterruptedException {
    admin(url("cloudsponge") + "/__admin/clock", "{\"advanceMs\":" + ms + "}");
  }

  /** Forgets imports, syncs, uploads, seeded data, journal and faults; the clock keeps its time. */
  public void reset() throws IOException, InterruptedException {
    for (String vendor : VENDORS) {
      admin(url(vendor) + "/__admin/reset", null);
    }
  }

  private void admin(String url, String json) throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (json == null) {
      builder.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }
    HttpRequest request = builder.build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
    }
  }
}
