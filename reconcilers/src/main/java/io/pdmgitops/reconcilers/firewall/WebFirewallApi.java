package io.pdmgitops.reconcilers.firewall;

import io.pdmgitops.model.firewall.ObservedFirewallOptions;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@link FirewallApi} over a remote's transport. PVE's answer holds only the options set in the
 * file (numbers for {@code enable}, text for the rest) and the file's {@code digest}.
 */
public final class WebFirewallApi implements FirewallApi {
  private final ProxmoxTransport transport;

  public WebFirewallApi(ProxmoxTransport transport) {
    this.transport = transport;
  }

  @Override
  public Mono<ObservedFirewallOptions.Read> read(String path) {
    return transport
        .get(path, Map.of())
        .map(
            envelope -> {
              Map<String, String> options = new LinkedHashMap<>();
              String digest = "";
              for (Map.Entry<String, JsonNode> e : envelope.data().properties()) {
                String value = text(e.getValue());
                if (e.getKey().equals("digest")) {
                  digest = value;
                } else {
                  options.put(e.getKey(), value);
                }
              }
              return new ObservedFirewallOptions.Read(path, options, digest);
            });
  }

  private static String text(JsonNode value) {
    if (value.isBoolean()) {
      return value.asBoolean() ? "1" : "0";
    }
    return value.asString("");
  }

  @Override
  public Mono<Void> update(String path, Map<String, String> set, String digest) {
    Map<String, String> form = new LinkedHashMap<>(set);
    if (!digest.isEmpty()) {
      form.put("digest", digest);
    }
    return transport.put(path, form).then();
  }
}
