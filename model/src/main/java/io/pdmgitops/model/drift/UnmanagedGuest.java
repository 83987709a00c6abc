package io.pdmgitops.model.drift;

import io.pdmgitops.model.observed.GuestObservation;

/** A guest on a remote that no document declares: shown, never touched. */
public record UnmanagedGuest(String remote, GuestObservation guest) {}
