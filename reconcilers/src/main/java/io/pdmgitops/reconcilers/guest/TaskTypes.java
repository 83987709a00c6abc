package io.pdmgitops.reconcilers.guest;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.plan.GuestAction;
import java.util.Set;

/** The PVE task types an action can start, to recognise it in a node's task list. */
final class TaskTypes {
  private TaskTypes() {}

  static Set<String> of(GuestAction kind, GuestType type) {
    boolean qemu = type == GuestType.QEMU;
    return switch (kind) {
      case START -> qemu ? Set.of("qmstart", "hastart") : Set.of("vzstart", "hastart");
      case SHUTDOWN -> qemu ? Set.of("qmshutdown", "hastop") : Set.of("vzshutdown", "hastop");
      case STOP -> qemu ? Set.of("qmstop", "hastop") : Set.of("vzstop", "hastop");
      case REBOOT -> qemu ? Set.of("qmreboot") : Set.of("vzreboot");
      case RESUME -> qemu ? Set.of("qmresume") : Set.of("vzresume");
      case MIGRATE, REMOTE_MIGRATE -> qemu ? Set.of("qmigrate", "hamigrate") : Set.of("vzmigrate");
    };
  }
}
