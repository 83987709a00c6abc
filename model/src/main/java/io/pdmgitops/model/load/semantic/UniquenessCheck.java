package io.pdmgitops.model.load.semantic;

import io.pdmgitops.model.desired.Endpoint;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Realm;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.load.LoadedObject;
import io.pdmgitops.model.load.Problem;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whatever must exist once: names per kind, a guest's remote + vmid, a cluster's endpoints, the
 * default realm. Two declarations of one thing would let two commits' intents fight over it.
 */
final class UniquenessCheck implements SemanticCheck {

  @Override
  public List<Problem> check(LoadedObjects objects) {
    List<Problem> problems = new ArrayList<>();
    duplicateNames(objects, problems);
    duplicateGuests(objects, problems);
    sharedEndpoints(objects, problems);
    defaultRealms(objects, problems);
    return problems;
  }

  private static void duplicateNames(LoadedObjects objects, List<Problem> problems) {
    for (LoadedObject o : objects.all()) {
      LoadedObject first = objects.find(o.object().kind(), o.object().identity()).orElseThrow();
      if (first != o) {
        problems.add(
            o.error(
                    "/metadata/name",
                    "duplicate " + o.ref() + ", first declared at " + first.location())
                .withHint(
                    "names are unique per kind: rename this one or remove one of the two documents"));
      }
    }
  }

  private static void duplicateGuests(LoadedObjects objects, List<Problem> problems) {
    Map<String, LoadedObject> claimed = new HashMap<>();
    for (var guest : objects.ofType(Kind.GUEST, Guest.class)) {
      Guest.Spec spec = guest.value().spec();
      String key = spec.remote() + "/" + spec.vmid();
      LoadedObject first = claimed.putIfAbsent(key, guest.source());
      if (first != null) {
        problems.add(
            guest
                .source()
                .error(
                    "/spec/vmid",
                    "vmid "
                        + spec.vmid()
                        + " on remote '"
                        + spec.remote()
                        + "' is already declared by "
                        + first.ref()
                        + " at "
                        + first.location())
                .withHint("declare each guest once: remove one document or correct the vmid"));
      }
    }
  }

  private static void sharedEndpoints(LoadedObjects objects, List<Problem> problems) {
    Map<String, LoadedObject> used = new HashMap<>();
    for (var remote : objects.ofType(Kind.REMOTE, Remote.class)) {
      List<Endpoint> endpoints = remote.value().spec().endpoints();
      for (int i = 0; i < endpoints.size(); i++) {
        String key = normalise(endpoints.get(i).url(), remote.value());
        LoadedObject first = used.putIfAbsent(key, remote.source());
        if (first != null && first != remote.source()) {
          problems.add(
              remote
                  .source()
                  .error(
                      "/spec/endpoints/" + i + "/url",
                      "endpoint "
                          + endpoints.get(i).url()
                          + " is also an endpoint of "
                          + first.ref())
                  .withHint(
                      "declare each cluster once: two remotes on one cluster would act on the same"
                          + " guests"));
        }
      }
    }
  }

  private static void defaultRealms(LoadedObjects objects, List<Problem> problems) {
    LoadedObject first = null;
    for (var realm : objects.ofType(Kind.REALM, Realm.class)) {
      if (!realm.value().spec().isDefault().orElse(false)) {
        continue;
      }
      if (first == null) {
        first = realm.source();
      } else {
        problems.add(
            realm
                .source()
                .error(
                    "/spec/default",
                    "only one realm can be the default; " + first.ref() + " is too")
                .withHint("set 'default: true' on one realm only"));
      }
    }
  }

  /** Same host and port, whatever the spelling: case, default port, trailing slash. */
  private static String normalise(String url, Remote remote) {
    URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    int port = uri.getPort();
    if (port < 0) {
      port = remote.spec().type() == RemoteType.PBS ? 8007 : 8006;
    }
    return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }
}
