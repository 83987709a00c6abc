package io.pdmgitops.simulator.http;

import java.util.Map;
import java.util.Optional;

/**
 * One API call as the simulated server sees it.
 *
 * @param path the API path below {@code /api2/json}, e.g. {@code /nodes/pve1/qemu}
 * @param params query and body parameters merged, as PVE does (query wins)
 * @param authorization the raw Authorization header, if any
 */
public record ApiRequest(
    String method, String path, Map<String, String> params, Optional<String> authorization) {
  public ApiRequest {
    params = Map.copyOf(params);
  }

  /** Never shows the Authorization header or parameter values (target-endpoint holds a token). */
  @Override
  public String toString() {
    return "ApiRequest[" + method + " " + path + ", params " + params.keySet() + "]";
  }

  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }
}
