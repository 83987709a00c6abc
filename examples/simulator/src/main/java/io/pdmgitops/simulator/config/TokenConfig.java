package io.pdmgitops.simulator.config;

/**
 * An API token the simulated server accepts. These are the simulator's own credentials, made up for
 * demos and tests; no real system knows them.
 *
 * @param role {@code admin} (everything), {@code operator} (read and power) or {@code audit} (read
 *     only)
 */
public record TokenConfig(String id, String secret, String role) {}
