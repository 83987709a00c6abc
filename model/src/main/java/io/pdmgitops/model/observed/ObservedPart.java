package io.pdmgitops.model.observed;

/**
 * What one kind reads from a remote beyond the inventory sweep (a PVE cluster's backup jobs, its
 * firewall options), kept beside the remote's observation. Each kind has its own record.
 */
public interface ObservedPart {}
