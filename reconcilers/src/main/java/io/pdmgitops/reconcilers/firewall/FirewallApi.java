package io.pdmgitops.reconcilers.firewall;

import io.pdmgitops.model.firewall.ObservedFirewallOptions;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * One PVE cluster's firewall options at a path ({@code /cluster/firewall/options}, {@code
 * /nodes/{node}/firewall/options}, {@code /nodes/{node}/{qemu|lxc}/{vmid}/firewall/options}).
 * Failures are {@link io.pdmgitops.reconcilers.api.RemoteApiException}s as for every other call.
 */
public interface FirewallApi {
  Mono<ObservedFirewallOptions.Read> read(String path);

  /**
   * Sets options; PVE refuses with a 500 when the options' digest is no longer {@code digest}
   * (someone changed them since they were read).
   */
  Mono<Void> update(String path, Map<String, String> set, String digest);
}
