package io.pdmgitops.simulator.config;

/** One PVE node; an offline node answers 595 to everything proxied to it. */
public record NodeConfig(
    String name,
    boolean online,
    int cpus,
    long memory,
    long rootfs,
    SubscriptionConfig subscription,
    AptConfig apt) {
  public NodeConfig {
    subscription = subscription == null ? SubscriptionConfig.none() : subscription;
    apt = apt == null ? AptConfig.current() : apt;
  }

  public NodeConfig(String name, boolean online, int cpus, long memory, long rootfs) {
    this(name, online, cpus, memory, rootfs, SubscriptionConfig.none(), AptConfig.current());
  }

  public NodeConfig(
      String name,
      boolean online,
      int cpus,
      long memory,
      long rootfs,
      SubscriptionConfig subscription) {
    this(name, online, cpus, memory, rootfs, subscription, AptConfig.current());
  }
}
