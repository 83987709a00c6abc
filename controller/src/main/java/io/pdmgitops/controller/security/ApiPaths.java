package io.pdmgitops.controller.security;

/** Paths called by programs, not browsers: they get 401 and 403 answers, never a login page. */
public final class ApiPaths {
  private ApiPaths() {}

  public static boolean isApi(String path) {
    return path.startsWith("/api/v1/") || path.equals("/metrics") || path.equals("/events");
  }
}
