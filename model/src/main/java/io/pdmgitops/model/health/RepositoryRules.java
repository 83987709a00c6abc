package io.pdmgitops.model.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Findings about a node's APT sources, judged as PVE's own Repositories panel judges them
 * (proxmox-widget-toolkit's APTRepositories.js: the API gives the facts, the panel the verdicts):
 * no Proxmox VE repository at all, the enterprise repository without an active subscription (its
 * index fails with 401), the no-subscription or test repository (a warning on a node with a paid
 * subscription, which marks it as production), suites proxmox-apt warns about, mixed suites before
 * an upgrade, no Debian security repository, Ceph installed without a Ceph repository, and files
 * apt cannot parse.
 */
public final class RepositoryRules {
  private RepositoryRules() {}

  /** Without knowing which nodes run Ceph. */
  public static List<Finding> findings(
      String remote,
      List<NodeRepositories> nodes,
      Function<String, Optional<NodeSubscription>> subscription) {
    return findings(remote, nodes, subscription, node -> Optional.empty());
  }

  /**
   * @param subscription a node's subscription as the subscriptions overview last read it; empty
   *     when unknown (then no rule depends on it)
   * @param ceph the Ceph version a node has installed, as the updates overview last read it
   */
  public static List<Finding> findings(
      String remote,
      List<NodeRepositories> nodes,
      Function<String, Optional<NodeSubscription>> subscription,
      Function<String, Optional<String>> ceph) {
    List<Finding> out = new ArrayList<>();
    for (NodeRepositories n : nodes) {
      node(remote, n, subscription.apply(n.node()), out);
      ceph.apply(n.node())
          .filter(
              version ->
                  n.standard().entrySet().stream()
                      .noneMatch(e -> e.getKey().startsWith("ceph-") && e.getValue()))
          .ifPresent(
              version ->
                  out.add(
                      new Finding(
                          "repository-no-ceph",
                          Severity.WARNING,
                          remote,
                          Optional.of(n.node()),
                          "Ceph "
                              + version
                              + " is installed on "
                              + n.node()
                              + " but no Ceph repository is enabled: it gets no Ceph updates",
                          "enable the Ceph repository of its release in the node's Repositories"
                              + " panel (enterprise with a subscription, else no-subscription)")));
    }
    return out;
  }

  private static void node(
      String remote, NodeRepositories n, Optional<NodeSubscription> sub, List<Finding> out) {
    Optional<String> on = Optional.of(n.node());
    boolean paid = sub.map(s -> s.status().equals("active")).orElse(false);
    if (!n.errors().isEmpty()) {
      out.add(
          new Finding(
              "repository-unreadable",
              Severity.CRITICAL,
              remote,
              on,
              "apt cannot parse " + n.node() + "'s sources: " + String.join("; ", n.errors()),
              "fix the named file on the node; until then apt reads none of it"));
    }
    if (!n.enabled("enterprise") && !n.enabled("no-subscription") && !n.enabled("test")) {
      out.add(
          new Finding(
              "repository-none",
              Severity.CRITICAL,
              remote,
              on,
              "no Proxmox VE repository is enabled on " + n.node() + ": it gets no updates",
              "enable the enterprise repository (with a subscription) or the no-subscription"
                  + " one in the node's Repositories panel"));
    }
    if (n.enabled("enterprise") && sub.isPresent() && !paid) {
      out.add(
          new Finding(
              "repository-enterprise-unsubscribed",
              Severity.WARNING,
              remote,
              on,
              "the enterprise repository is enabled on "
                  + n.node()
                  + " but its subscription is "
                  + sub.get().shown()
                  + ": apt-get update fails with 401 for it",
              "add a subscription key, or disable the enterprise repository and enable"
                  + " no-subscription"));
    }
    if (n.enabled("no-subscription")) {
      out.add(
          new Finding(
              "repository-no-subscription",
              paid ? Severity.WARNING : Severity.INFO,
              remote,
              on,
              n.node()
                  + " uses the no-subscription repository, which is not recommended for production"
                  + " use"
                  + (paid ? ", though the node has a " + sub.get().shown() + " subscription" : ""),
              paid
                  ? "switch the node to the enterprise repository its subscription pays for"
                  : "fine for labs; for production, get a subscription and use the enterprise"
                      + " repository"));
    }
    if (n.enabled("test")) {
      out.add(
          new Finding(
              "repository-test",
              Severity.WARNING,
              remote,
              on,
              "the test repository is enabled on " + n.node() + ": it may pull in unstable updates",
              "disable the test repository unless the node is a test lab"));
    }
    List<NodeRepositories.Note> suites =
        n.notes().stream()
            .filter(x -> x.kind().equals("warning") && x.entry().map(e -> e.enabled()).orElse(true))
            .toList();
    if (!suites.isEmpty()) {
      out.add(
          new Finding(
              "repository-suite",
              Severity.WARNING,
              remote,
              on,
              "some suites on "
                  + n.node()
                  + " are misconfigured: "
                  + suites.stream().map(RepositoryRules::noted).collect(Collectors.joining("; ")),
              "use the suite of the installed release (e.g. bookworm) in every source"));
    }
    if (n.notes().stream().anyMatch(x -> x.kind().equals("ignore-pre-upgrade-warning"))) {
      out.add(
          new Finding(
              "repository-mixed-suites",
              Severity.WARNING,
              remote,
              on,
              "mixed suites on " + n.node() + ": some sources already name the next release",
              "finish the major upgrade (pveXtoY checks it) or point every source back to the"
                  + " installed release"));
    }
    boolean security =
        n.repositories().stream()
            .anyMatch(
                r -> r.enabled() && r.suites().stream().anyMatch(s -> s.endsWith("-security")));
    if (!security) {
      out.add(
          new Finding(
              "repository-no-security",
              Severity.WARNING,
              remote,
              on,
              n.node() + " has no Debian security repository enabled: security fixes never arrive",
              "add 'deb http://security.debian.org/debian-security bookworm-security main"
                  + " contrib' (with the node's release) to its sources"));
    }
  }

  private static String noted(NodeRepositories.Note note) {
    return note.message() + note.entry().map(e -> " (" + e.path() + ")").orElse("");
  }
}
