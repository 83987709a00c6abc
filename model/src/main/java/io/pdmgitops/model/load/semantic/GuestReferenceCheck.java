package io.pdmgitops.model.load.semantic;

import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Placement;
import io.pdmgitops.model.load.LoadedObject;
import io.pdmgitops.model.load.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A guest must name a PVE remote in Git, and a placement must be a move the remote can make: to a
 * PVE remote, with storage and bridge maps when it crosses clusters, onto a vmid nobody else claims
 * there.
 */
final class GuestReferenceCheck implements SemanticCheck {

  @Override
  public List<Problem> check(LoadedObjects objects) {
    List<Problem> problems = new ArrayList<>();
    Map<String, LoadedObject> declared = new HashMap<>();
    for (var guest : objects.ofType(Kind.GUEST, Guest.class)) {
      Guest.Spec spec = guest.value().spec();
      declared.putIfAbsent(spec.remote() + "/" + spec.vmid(), guest.source());
    }
    for (var guest : objects.ofType(Kind.GUEST, Guest.class)) {
      Guest.Spec spec = guest.value().spec();
      LoadedObject source = guest.source();
      RemoteReferences.pve(objects, source, "/spec/remote", spec.remote(), "guests")
          .ifPresent(problems::add);
      spec.placement().ifPresent(p -> placement(objects, source, spec, p, declared, problems));
    }
    return problems;
  }

  private static void placement(
      LoadedObjects objects,
      LoadedObject source,
      Guest.Spec spec,
      Placement placement,
      Map<String, LoadedObject> declared,
      List<Problem> problems) {
    String target = placement.remoteOr(spec.remote());
    if (placement.remote().isPresent()) {
      RemoteReferences.pve(objects, source, "/spec/placement/remote", target, "guests")
          .ifPresent(problems::add);
    }
    if (target.equals(spec.remote())) {
      return;
    }
    if (placement.storageMap().isEmpty()) {
      problems.add(
          source
              .error("/spec/placement", "a move to another remote needs a storageMap")
              .withHint("map each source storage to one on '" + target + "', e.g. '*': local-lvm"));
    }
    if (placement.bridgeMap().isEmpty()) {
      problems.add(
          source
              .error("/spec/placement", "a move to another remote needs a bridgeMap")
              .withHint("map each source bridge to one on '" + target + "', e.g. '*': vmbr0"));
    }
    int targetVmid = placement.targetVmid().orElse(spec.vmid());
    LoadedObject other = declared.get(target + "/" + targetVmid);
    if (other != null && other != source) {
      problems.add(
          source
              .error(
                  placement.targetVmid().isPresent()
                      ? "/spec/placement/targetVmid"
                      : "/spec/placement",
                  "vmid " + targetVmid + " on '" + target + "' is declared by " + other.ref())
              .withHint("choose a free targetVmid on the target remote"));
    }
  }
}
