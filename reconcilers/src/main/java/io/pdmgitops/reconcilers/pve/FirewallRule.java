package io.pdmgitops.reconcilers.pve;

import java.util.Optional;

/** One firewall rule, in position order. */
public record FirewallRule(
    int pos,
    String type,
    String action,
    Optional<Boolean> enable,
    Optional<String> macro,
    Optional<String> proto,
    Optional<String> source,
    Optional<String> dest,
    Optional<String> sport,
    Optional<String> dport,
    Optional<String> comment,
    Optional<String> log) {}
