package io.pdmgitops.reconcilers.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns an error response into the one exception that says what happened. This is the only place
 * that reads status codes and error texts; everything above it works with types.
 */
public final class ErrorClassifier {
  /** How pveproxy's failed DNS lookup of a node name begins. */
  private static final String HOSTNAME_LOOKUP = "hostname lookup '";

  private ErrorClassifier() {}

  /**
   * @param reason the status line's reason phrase, where PVE puts the error text
   * @param body the raw body: JSON for PVE, plain text for PBS
   */
  public static RemoteApiException classify(
      String remote, Product product, int status, String reason, String body) {
    String message = reason == null || reason.isBlank() ? "HTTP " + status : reason.strip();
    Map<String, String> parameters = new LinkedHashMap<>();
    if (product == Product.PBS) {
      if (body != null && !body.isBlank()) {
        message = unquote(body.strip());
      }
    } else if (body != null && !body.isBlank()) {
      try {
        JsonNode json = LenientJson.MAPPER.readTree(body);
        if (json.hasNonNull("message")) {
          message = json.get("message").asString().strip();
        }
        json.path("errors")
            .properties()
            .forEach(e -> parameters.put(e.getKey(), e.getValue().asString()));
      } catch (JacksonException e) {
        // Not JSON: keep the reason phrase.
      }
    }
    OptionalInt code = OptionalInt.of(status);
    String lower = message.toLowerCase(Locale.ROOT);
    if (status == 401) {
      return new AuthenticationFailedException(remote, code, message);
    }
    if (status == 403) {
      return new PermissionDeniedException(remote, code, message);
    }
    if (status == 595 || status == 596) {
      return new NodeUnreachableException(remote, code, message);
    }
    if (lower.startsWith(HOSTNAME_LOOKUP)) {
      // pveproxy resolves a node name the cluster does not know through DNS, and that fails: the
      // node does not exist (an offline one is 595). Asking again cannot help.
      return new NotFoundException(remote, code, unknownNode(message));
    }
    if (lower.contains("is locked (")) {
      return new GuestLockedException(remote, code, message);
    }
    if (status == 404
        || lower.contains("does not exist")
        || lower.startsWith("no such")
        || lower.contains("not found")) {
      return new NotFoundException(remote, code, message);
    }
    // A task asked of another node than its own, or gone, is "400 {upid: no such task}": a missing
    // thing, not a malformed call.
    Optional<Map.Entry<String, String>> missing =
        parameters.entrySet().stream().filter(e -> noSuchThing(e.getValue())).findFirst();
    if (status == 400 && missing.isPresent()) {
      return new NotFoundException(
          remote, code, missing.get().getKey() + ": " + missing.get().getValue());
    }
    if (status == 400 && (product == Product.PVE || !parameters.isEmpty())) {
      return new BadRequestException(remote, code, message, parameters);
    }
    return new ServerErrorException(remote, code, message);
  }

  /** "hostname lookup 'pve9' failed - ...": names the node, keeps PVE's text. */
  private static String unknownNode(String message) {
    int start = HOSTNAME_LOOKUP.length();
    int end = message.indexOf('\'', start);
    String node = end > start ? message.substring(start, end) : "?";
    return "no node '" + node + "' in the cluster (" + message + ")";
  }

  private static boolean noSuchThing(String complaint) {
    return complaint.toLowerCase(Locale.ROOT).startsWith("no such");
  }

  /** Some PBS versions send the text as a JSON string. */
  private static String unquote(String text) {
    if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
      try {
        return LenientJson.MAPPER.readTree(text).asString();
      } catch (JacksonException e) {
        return text;
      }
    }
    return text;
  }
}
