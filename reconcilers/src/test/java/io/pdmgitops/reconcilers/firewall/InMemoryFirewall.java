package io.pdmgitops.reconcilers.firewall;

import io.pdmgitops.model.firewall.ObservedFirewallOptions;
import io.pdmgitops.reconcilers.api.OutcomeUnknownException;
import io.pdmgitops.reconcilers.api.ServerErrorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import reactor.core.publisher.Mono;

/**
 * A PVE cluster's firewall options files in memory, by API path, each with a digest that changes
 * with every write (as PVE's SHA-1 of the file does), an answer that can be lost after the write,
 * and a log of the reads and writes that reached it.
 */
final class InMemoryFirewall implements FirewallApi {
  final Map<String, Map<String, String>> files = new LinkedHashMap<>();
  final Map<String, Integer> versions = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();
  boolean loseNextAnswer;

  String digest(String path) {
    return "v" + versions.getOrDefault(path, 0);
  }

  /** Someone edits the options in PVE's UI. */
  synchronized void edit(String path, Map<String, String> set) {
    files.computeIfAbsent(path, p -> new LinkedHashMap<>()).putAll(set);
    versions.merge(path, 1, Integer::sum);
  }

  @Override
  public synchronized Mono<ObservedFirewallOptions.Read> read(String path) {
    return Mono.defer(
        () -> {
          calls.add("GET " + path);
          return Mono.just(
              new ObservedFirewallOptions.Read(
                  path, Map.copyOf(files.getOrDefault(path, Map.of())), digest(path)));
        });
  }

  @Override
  public synchronized Mono<Void> update(String path, Map<String, String> set, String digest) {
    return Mono.defer(
        () -> {
          calls.add("PUT " + path + " " + new java.util.TreeMap<>(set));
          if (!digest.equals(digest(path))) {
            return Mono.error(
                new ServerErrorException(
                    "east",
                    OptionalInt.of(500),
                    "error during cfs-locked 'firewall-cluster' operation: detected modified"
                        + " configuration - file changed by other user? Try again."));
          }
          edit(path, set);
          if (loseNextAnswer) {
            loseNextAnswer = false;
            return Mono.error(new OutcomeUnknownException("east", "no answer within 30 s"));
          }
          return Mono.empty();
        });
  }
}
