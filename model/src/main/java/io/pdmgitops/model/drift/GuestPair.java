package io.pdmgitops.model.drift;

import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.RemoteObservation;
import java.util.Optional;

/**
 * A declared guest and what was observed of it: on its own remote, and for a cross-remote placement
 * also at its target.
 *
 * @param remote the observation of the guest's remote; empty before its first poll
 * @param target the observation of the placement's remote, when it differs
 */
record GuestPair(
    Guest desired,
    Optional<RemoteObservation> remote,
    Optional<GuestObservation> observed,
    Optional<RemoteObservation> target,
    Optional<GuestObservation> atTarget) {}
