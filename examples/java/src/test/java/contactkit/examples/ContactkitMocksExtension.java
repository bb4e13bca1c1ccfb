package contactkit.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts contactkit-mocks once for the whole test run (every simulator on a free port, on a manual
 * clock), resets it before each test, and stops it when the run ends. Use it with
 * {@code @ExtendWith(ContactkitMocksExtension.class)} and take a {@link ContactkitMocks} parameter.
 *
 * <p>The executable is found through {@code CONTACTKIT_MOCKS_BIN} (a command line, split on
 * spaces), else at {@code packages/mocks/dist/contactkit-mocks-linux-x64} under the working folder's
 * repository ({@code contactkit.repository} system property, default two folders up).
 */
public final class ContactkitMocksExtension implements BeforeEachCallback, ParameterResolver {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern JSON_STRING_FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    running(context).mocks.reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ContactkitMocks.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return running(context).mocks;
  }

  // The root store outlives every test class and closes its resources when the run ends, so one
  // process serves the whole run however many classes use the extension.
  private static Running running(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
    return store.getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
  }

  /** The process and its URLs; closed by JUnit at the end of the run. */
  static final class Running implements ExtensionContext.Store.CloseableResource {
    final Process process;
    final ContactkitMocks mocks;

    private Running(Process process, ContactkitMocks mocks) {
      this.process = process;
      this.mocks = mocks;
    }

    static Running start() {
      try {
        List<String> command = command();
        Path folder = Files.createTempDirectory("contactkit-mocks-");
        Path readyFile = folder.resolve("ready.json");
        Path log = folder.resolve("output.log");
        List<String> arguments = new ArrayList<>(command);
        arguments.addAll(List.of("--clock", "manual", "--index-port", "0"));
        for (String vendor : ContactkitMocks.VENDORS) {
          arguments.addAll(List.of("--" + vendor + "-port", "0"));
        }
        boolean usesReadyFile = supportsReadyFile(command);
        if (usesReadyFile) {
          arguments.addAll(List.of("--ready-file", readyFile.toString()));
        }
        Process process = new ProcessBuilder(arguments)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        try {
          Map<String, String> urls = waitForUrls(process, usesReadyFile ? readyFile : null, log);
          return new Running(process, new ContactkitMocks(urls));
        } catch (RuntimeException | IOException | InterruptedException error) {
          stop(process);
          throw error;
        }
      } catch (IOException | InterruptedException error) {
        throw new IllegalStateException(
            "Failed to start contactkit-mocks: " + error.getMessage()
                + ". Build it with `pnpm build:binary` or point CONTACTKIT_MOCKS_BIN at it.",
            error);
      }
    }

    @Override
    public void close() {
      stop(process);
    }
  }

  static List<String> command() {
    String configured = System.getenv("CONTACTKIT_MOCKS_BIN");
    if (configured != null && !configured.isBlank()) {
      return List.of(configured.trim().split("\\s+"));
    }
    Path repository = Paths.get(System.getProperty("contactkit.repository", "../..")).toAbsolutePath().normalize();
    return List.of(repository.resolve("packages/mocks/dist/contactkit-mocks-linux-x64").toString());
  }

  // Releases before --ready-file only print a banner; ask the executable which kind it is.
  static boolean supportsReadyFile(List<String> command) throws IOException, InterruptedException {
    List<String> help = new ArrayList<>(command);
    help.add("--help");
    Process process = new ProcessBuilder(help).redirectErrorStream(true).start();
    String usage = new String(process.getInputStream().readAllBytes());
    process.waitFor(30, TimeUnit.SECONDS);
    return usage.contains("--ready-file");
  }

  static Map<String, String> waitForUrls(Process process, Path readyFile, Path log)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (readyFile != null && Files.exists(readyFile)) {
        // The file is written whole (written aside, then renamed), so it is never half there.
        return jsonStrings(Files.readString(readyFile));
      }
      if (readyFile == null) {
        Map<String, String> urls = urlsFromBanner(Files.readString(log));
        if (urls != null) {
          return urls;
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "contactkit-mocks exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        "contactkit-mocks did not start within " + START_TIMEOUT.toSeconds() + " s:\n" + Files.readString(log));
  }

  // The ready file is one flat object of URLs: {"cloudsponge":"http://127.0.0.1:40123",...}.
  static Map<String, String> jsonStrings(String json) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher matcher = JSON_STRING_FIELD.matcher(json);
    while (matcher.find()) {
      fields.put(matcher.group(1), matcher.group(2).replaceAll("/$", ""));
    }
    return fields;
  }

  // Lines such as "aurinko      http://127.0.0.1:40123  (dashboard: ...)".
  static Map<String, String> urlsFromBanner(String output) {
    Map<String, String> urls = new LinkedHashMap<>();
    for (String name : ContactkitMocks.VENDORS) {
      Matcher matcher = Pattern.compile("(?m)^" + name + "\\s+(http://\\S+)").matcher(output);
      if (!matcher.find()) {
        return null;
      }
      urls.put(name, matcher.group(1).replaceAll("/$", ""));
    }
    return urls;
  }

  static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy(); // SIGTERM: contactkit-mocks closes its servers and exits
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException interrupted) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
