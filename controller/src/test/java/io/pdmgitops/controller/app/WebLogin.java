package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs in through the login form as a browser does: GET the form (session cookie and form token),
 * POST user, password and token, keep the session cookie the answer sets.
 */
public final class WebLogin {
  static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  static final Pattern SESSION = Pattern.compile("PDM_SESSION=([^;]+)");
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A logged-in session: the cookie header to send. */
  public record Session(String cookie, String formToken) {}

  private WebLogin() {}

  /** What the form gives before login: a session cookie and its form token. */
  public static Session anonymous(String base) throws Exception {
    return anonymous(HTTP, base);
  }

  public static Session anonymous(HttpClient client, String base) throws Exception {
    HttpResponse<String> form =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/login")).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).as("GET /login").isEqualTo(200);
    Matcher token = FORM_TOKEN.matcher(form.body());
    assertThat(token.find()).as("a form token in %s", form.body()).isTrue();
    return new Session(cookie(form).orElseThrow(), token.group(1));
  }

  /** Posts the form; the answer (303 to the page, or to /login?error). */
  public static HttpResponse<String> post(String base, Session before, String user, String password)
      throws Exception {
    return post(HTTP, base, before, user, password);
  }

  public static HttpResponse<String> post(
      HttpClient client, String base, Session before, String user, String password)
      throws Exception {
    String body =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(before.formToken(), StandardCharsets.UTF_8);
    return client.send(
        HttpRequest.newBuilder(URI.create(base + "/login"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", before.cookie())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Logs in, expecting success. */
  public static Session login(String base, String user, String password) throws Exception {
    return login(HTTP, base, user, password);
  }

  public static Session login(HttpClient client, String base, String user, String password)
      throws Exception {
    Session before = anonymous(client, base);
    HttpResponse<String> answer = post(client, base, before, user, password);
    assertThat(answer.headers().firstValue("Location"))
        .as("login of %s: %s", user, answer.statusCode())
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    Session after = new Session(cookie(answer).orElse(before.cookie()), "");
    // The pages carry the session's form token for later posts.
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .timeout(TIMEOUT)
                .header("Cookie", after.cookie())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher token = FORM_TOKEN.matcher(page.body());
    return new Session(after.cookie(), token.find() ? token.group(1) : "");
  }

  static Optional<String> cookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .map(SESSION::matcher)
        .filter(Matcher::find)
        .map(m -> "PDM_SESSION=" + m.group(1))
        .findFirst();
  }
}
