package io.pdmgitops.model.drift;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.observed.ObservedPower;

/** Where a declared guest was found and in what state: what an action must address. */
public record GuestLocation(
    String remote, String node, GuestType type, int vmid, ObservedPower power) {}
