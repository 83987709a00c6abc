package io.pdmgitops.webui.access;

import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** One route, as its router declares it, and what it asks of the caller. */
public record RouteRule(HttpMethod method, String pattern, Requirement requirement) {
  /** The path variables when the request is this route's, else empty. */
  Optional<Map<String, String>> match(
      PathPattern parsed, HttpMethod requestMethod, PathContainer path) {
    if (!method.equals(requestMethod)
        && !(method.equals(HttpMethod.GET) && requestMethod.equals(HttpMethod.HEAD))) {
      return Optional.empty();
    }
    PathPattern.PathMatchInfo info = parsed.matchAndExtract(path);
    return info == null ? Optional.empty() : Optional.of(info.getUriVariables());
  }

  PathPattern parse() {
    return PathPatternParser.defaultInstance.parse(pattern);
  }
}
