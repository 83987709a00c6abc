package io.pdmgitops.model.load.semantic;

import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.load.LoadedObject;
import io.pdmgitops.model.load.Problem;
import java.util.Optional;

/** The rule every kind that lives on a PVE cluster shares: it names a PVE Remote in Git. */
public final class RemoteReferences {
  private RemoteReferences() {}

  /**
   * The problem with a reference to a PVE remote, if any.
   *
   * @param what the objects that live there, for the hint ("guests", "backup jobs")
   */
  public static Optional<Problem> pve(
      LoadedObjects objects, LoadedObject source, String pointer, String name, String what) {
    if (!objects.declares(Kind.REMOTE, name)) {
      return Optional.of(
          source
              .error(pointer, "no Remote named '" + name + "'")
              .withHint(Names.suggest(name, Kind.REMOTE, objects.identities(Kind.REMOTE))));
    }
    Optional<LoadedObject> remote = objects.find(Kind.REMOTE, name);
    if (remote.isPresent() && ((Remote) remote.get().object()).spec().type() == RemoteType.PBS) {
      return Optional.of(
          source
              .error(pointer, "Remote '" + name + "' is a Proxmox Backup Server, not a PVE remote")
              .withHint(what + " run on PVE remotes: name a Remote of type pve"));
    }
    return Optional.empty();
  }
}
