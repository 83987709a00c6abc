package io.pdmgitops.model.observed;

/** One node of a PVE cluster and whether it answers. */
public record NodeObservation(String name, boolean online) {}
