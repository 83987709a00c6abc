package io.pdmgitops.webui.fleet;

/** The latest fleet table; implemented by the controller, cached per cycle. */
@FunctionalInterface
public interface FleetPort {
  /** The table of the last full cycle, or an empty one before the first. Never blocks. */
  FleetSnapshot snapshot();
}
