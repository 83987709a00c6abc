package io.pdmgitops.model.observed;

/** One node of a PVE cluster (or a PBS host), whether it answers, and what it uses. */
public record NodeObservation(String name, boolean online, ResourceUsage usage) {
  public NodeObservation {
    usage = usage == null ? ResourceUsage.NONE : usage;
  }

  public NodeObservation(String name, boolean online) {
    this(name, online, ResourceUsage.NONE);
  }
}
