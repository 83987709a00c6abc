package io.pdmgitops.simulator.http;

import io.pdmgitops.simulator.config.TokenConfig;
import java.util.Map;
import java.util.Set;

/** An authenticated request matched to a route, with its path variables. */
public record Call(ApiRequest request, Map<String, String> vars, TokenConfig token) {
  private static final String NOT_IN_SCHEMA =
      "property is not defined in schema and the schema does not allow additional properties";

  public Call {
    vars = Map.copyOf(vars);
  }

  public String var(String name) {
    return vars.get(name);
  }

  /** 400 for any parameter the endpoint does not declare, as PVE's schema check does. */
  public Call allow(Set<String> names) {
    for (String name : request.params().keySet()) {
      if (!names.contains(name) && !vars.containsKey(name)) {
        throw ApiException.badParameter(name, NOT_IN_SCHEMA);
      }
    }
    return this;
  }

  /** A PVE boolean: only 1 or 0 are accepted as form values. */
  public boolean bool(String name, boolean fallback) {
    String value = request.params().get(name);
    if (value == null) {
      return fallback;
    }
    if (!value.equals("1") && !value.equals("0")) {
      throw ApiException.badParameter(name, "type check ('boolean') failed - got '" + value + "'");
    }
    return value.equals("1");
  }

  public long integer(String name, long fallback) {
    String value = request.params().get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, "type check ('integer') failed - got '" + value + "'");
    }
  }

  public String string(String name, String fallback) {
    return request.params().getOrDefault(name, fallback);
  }

  public String required(String name) {
    String value = request.params().get(name);
    if (value == null) {
      throw ApiException.badParameter(name, "property is missing and it is not optional");
    }
    return value;
  }

  /** A full schema check: every unknown, missing or malformed parameter in one 400. */
  public Call validate(ParamSchema schema) {
    schema.validate(this);
    return this;
  }

  /**
   * Parameters only root@pam may pass; an API token never counts as root. Like the handlers' {@code
   * if $value && $authuser ne 'root@pam'}, a false value (0 or empty) passes.
   */
  public void rootOnly(Set<String> names) {
    for (String name : names) {
      String value = request.params().get(name);
      if (value != null && !value.isEmpty() && !value.equals("0")) {
        throw ApiException.badParameter(name, "Only root may use this option.");
      }
    }
  }
}
