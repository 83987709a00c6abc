package io.pdmgitops.controller.ports;

import io.pdmgitops.controller.backups.LastBackups;
import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.controller.store.JdbcStatusStore;
import io.pdmgitops.controller.store.JournalEntry;
import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.SourceLocation;
import io.pdmgitops.model.backupjob.BackupCoverage;
import io.pdmgitops.model.backupjob.BackupJob;
import io.pdmgitops.model.backupjob.ObservedBackupJobs;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.reconcilers.api.RemoteApiException;
import io.pdmgitops.reconcilers.pve.RrdPoint;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import io.pdmgitops.webui.api.DetailPort;
import io.pdmgitops.webui.api.NextStep;
import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.api.RemoteReadException;
import io.pdmgitops.webui.api.ResourceDetail;
import io.pdmgitops.webui.api.ResourceRowView;
import io.pdmgitops.webui.api.ResourceView;
import io.pdmgitops.webui.api.RrdSeries;
import io.pdmgitops.webui.api.SourceFile;
import io.pdmgitops.webui.api.SourcePort;
import io.pdmgitops.webui.api.Timeframe;
import io.pdmgitops.webui.fleet.FleetPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A guest in full: its row, the Git document at the commit in force, the verdict of the last cycle,
 * what the remote reported and the journal's actions; and its RRD history, read live.
 */
public final class GuestDetailAdapter implements DetailPort {
  /** Longest a live read from a remote may take, on top of the client's own timeouts. */
  static final Duration LIVE_READ_TIMEOUT = Duration.ofSeconds(15);

  /** Data sources charted first, in this order; others follow as the remote sends them. */
  private static final List<String> SERIES_ORDER =
      List.of("cpu", "maxcpu", "mem", "maxmem", "netin", "netout", "diskread", "diskwrite");

  private final FleetPort fleet;
  private final ReconcileLoop loop;
  private final SnapshotTracker snapshots;
  private final JdbcStatusStore store;
  private final SourcePort files;
  private final RemoteClients clients;
  private final LastBackups lastBackups;

  public GuestDetailAdapter(
      FleetPort fleet,
      ReconcileLoop loop,
      SnapshotTracker snapshots,
      JdbcStatusStore store,
      SourcePort files,
      RemoteClients clients,
      LastBackups lastBackups) {
    this.fleet = fleet;
    this.loop = loop;
    this.snapshots = snapshots;
    this.store = store;
    this.files = files;
    this.clients = clients;
    this.lastBackups = lastBackups;
  }

  @Override
  public Optional<ResourceDetail> guest(String remote, int vmid) {
    String id = "remote/" + remote + "/guest/" + vmid;
    Optional<FleetResource> row =
        fleet.snapshot().resources().stream().filter(r -> r.id().equals(id)).findFirst();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> name = row.get().declared();
    Optional<CommitOutcome.Accepted> good = snapshots.lastGood();
    Optional<ResourceDetail.Declaration> declaration =
        name.flatMap(n -> good.flatMap(g -> g.state().guest(n).flatMap(d -> declaration(g, d))));
    Optional<ResourceStatus> status =
        name.flatMap(
            n ->
                loop.latestReport()
                    .flatMap(
                        report ->
                            report.resources().stream()
                                .filter(s -> s.ref().equals(new ObjectRef(Kind.GUEST, n)))
                                .findFirst()));
    List<JournalEntry> journal =
        name.map(
                n ->
                    store.actionsFor(
                        new ObjectRef(Kind.GUEST, n).toString(), ResourceDetail.MAX_ACTIONS))
            .orElse(List.of());
    List<ResourceView.ActionView> actions =
        journal.stream().map(FleetStatusAdapter::action).toList();
    // The verdict's last action is the journal's newest (newest first).
    Optional<ResourceView> verdict =
        status.map(
            s ->
                FleetStatusAdapter.view(
                    s,
                    journal.isEmpty() ? null : journal.get(0),
                    loop.failures().of(s.ref()).orElse(null)));
    return Optional.of(
        new ResourceDetail(
            ResourceRowView.of(row.get()),
            declaration,
            verdict,
            verdict.map(NextStep::of),
            observed(remote, vmid),
            actions,
            backups(remote, vmid, good.map(CommitOutcome.Accepted::state))));
  }

  /**
   * The jobs of the guest's cluster that select it, from the last cycle's read of the cluster's
   * jobs; empty when they were not read (a PBS, a remote that is down).
   */
  private Optional<ResourceDetail.Backups> backups(
      String remote, int vmid, Optional<DesiredState> state) {
    Optional<ReconcileLoop.Observed> observed = loop.latestObserved();
    Optional<ObservedBackupJobs> jobs =
        observed.flatMap(o -> o.inventory().part(remote, ObservedBackupJobs.class));
    Optional<GuestObservation> guest =
        observed
            .flatMap(o -> o.inventory().remote(remote))
            .filter(RemoteObservation.Reachable.class::isInstance)
            .flatMap(r -> ((RemoteObservation.Reachable) r).guest(vmid));
    if (jobs.isEmpty() || guest.isEmpty()) {
      return Optional.empty();
    }
    List<BackupJob> declared = state.map(s -> s.all(BackupJob.class)).orElse(List.of());
    List<ObservedBackupJobs.Job> selecting = BackupCoverage.of(jobs.get(), guest.get());
    List<ResourceDetail.BackupJobView> views =
        selecting.stream()
            .map(
                j ->
                    new ResourceDetail.BackupJobView(
                        j.id(),
                        declared.stream()
                            .filter(
                                d -> d.spec().remote().equals(remote) && d.jobId().equals(j.id()))
                            .map(d -> d.metadata().name())
                            .findFirst(),
                        j.parameters().getOrDefault("schedule", ""),
                        j.parameters().getOrDefault("storage", ""),
                        BackupCoverage.enabled(j)))
            .toList();
    Optional<ResourceDetail.LastBackup> last =
        lastBackups
            .newest(remote, guest.get().type(), vmid)
            .map(
                f ->
                    new ResourceDetail.LastBackup(
                        f.remote(), f.datastore(), f.last().toString(), f.count(), f.verify()));
    Optional<String> serversRead =
        lastBackups.servers().values().stream()
            .flatMap(r -> r.readAt().stream())
            .min(java.util.Comparator.naturalOrder())
            .map(Object::toString);
    return Optional.of(
        new ResourceDetail.Backups(views, BackupCoverage.covered(selecting), last, serversRead));
  }

  @Override
  public Mono<RrdSeries> guestRrd(String remote, int vmid, Timeframe timeframe) {
    return Mono.defer(
            () -> {
              GuestObservation guest = reachableGuest(remote, vmid);
              Remote declared = DeclaredRemote.of(snapshots, remote);
              try {
                return clients
                    .pve(declared)
                    .guestRrd(
                        guest.node(),
                        guest.type(),
                        vmid,
                        io.pdmgitops.reconcilers.pve.Timeframe.valueOf(timeframe.name()))
                    .timeout(LIVE_READ_TIMEOUT)
                    .map(points -> series(timeframe, points));
              } catch (SecretResolver.SecretUnavailableException e) {
                throw new RemoteReadException(remote + ": " + e.getMessage());
              }
            })
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(
            RemoteApiException.class,
            e -> new RemoteReadException(TaskCollector.withRemote(remote, e.getMessage())))
        .onErrorMap(
            java.util.concurrent.TimeoutException.class,
            e ->
                new RemoteReadException(
                    remote + ": no answer within " + LIVE_READ_TIMEOUT.toSeconds() + " s"));
  }

  private GuestObservation reachableGuest(String remote, int vmid) {
    RemoteObservation seen =
        loop.latestObserved()
            .flatMap(o -> o.inventory().remote(remote))
            .orElseThrow(
                () -> new NotFoundException("no remote named " + remote + " was observed"));
    if (seen instanceof RemoteObservation.Unreachable down) {
      throw new RemoteReadException(remote + " is offline: " + down.message());
    }
    return ((RemoteObservation.Reachable) seen)
        .guest(vmid)
        .orElseThrow(() -> new NotFoundException("no guest " + vmid + " on " + remote));
  }

  private Optional<ResourceDetail.Declaration> declaration(
      CommitOutcome.Accepted good, Guest guest) {
    Optional<SourceLocation> at = good.state().sourceOf(guest);
    if (at.isEmpty()) {
      return Optional.empty();
    }
    String sha = good.commit().sha();
    SourceLocation location = at.get();
    Optional<String> yaml = Optional.empty();
    Optional<String> unread = Optional.empty();
    int firstLine = location.line();
    int lastLine = location.line();
    try {
      SourceFile file = files.file(sha, location.file());
      DocumentText document = DocumentText.around(file.lines(), location.line());
      yaml = Optional.of(document.text());
      firstLine = document.firstLine();
      lastLine = document.lastLine();
    } catch (NotFoundException e) {
      unread = Optional.of(e.getMessage());
    }
    return Optional.of(
        new ResourceDetail.Declaration(
            Kind.GUEST.kindName(),
            guest.metadata().name(),
            sha,
            location.file(),
            location.line(),
            firstLine,
            lastLine,
            yaml,
            unread));
  }

  private List<ResourceDetail.ObservedField> observed(String remote, int vmid) {
    Optional<GuestObservation> guest =
        loop.latestObserved()
            .flatMap(o -> o.inventory().remote(remote))
            .filter(RemoteObservation.Reachable.class::isInstance)
            .flatMap(o -> ((RemoteObservation.Reachable) o).guest(vmid));
    if (guest.isEmpty()) {
      return List.of();
    }
    GuestObservation g = guest.get();
    List<ResourceDetail.ObservedField> out = new ArrayList<>();
    out.add(field("name", g.name()));
    out.add(field("type", g.type().wire()));
    out.add(field("node", g.node()));
    out.add(field("power", g.power().name().toLowerCase(java.util.Locale.ROOT)));
    out.add(field("uptime", g.uptime().isZero() ? "—" : human(g.uptime())));
    out.add(field("template", String.valueOf(g.template())));
    out.add(field("lock", g.lock().orElse("—")));
    out.add(field("tags", g.tags().isEmpty() ? "—" : String.join(", ", g.tags())));
    out.add(field("pool", g.pool().orElse("—")));
    return out;
  }

  private static ResourceDetail.ObservedField field(String name, String value) {
    return new ResourceDetail.ObservedField(name, value);
  }

  private static String human(Duration d) {
    long days = d.toDays();
    return (days > 0 ? days + "d " : "") + d.toHoursPart() + "h " + d.toMinutesPart() + "m";
  }

  static RrdSeries series(Timeframe timeframe, List<RrdPoint> points) {
    Set<String> names = new LinkedHashSet<>();
    for (String s : SERIES_ORDER) {
      if (points.stream().anyMatch(p -> p.values().containsKey(s))) {
        names.add(s);
      }
    }
    points.forEach(p -> names.addAll(new java.util.TreeSet<>(p.values().keySet())));
    List<Long> time = new ArrayList<>(points.size());
    Map<String, List<Double>> series = new LinkedHashMap<>();
    names.forEach(n -> series.put(n, new ArrayList<>(points.size())));
    for (RrdPoint p : points) {
      time.add(p.time());
      names.forEach(n -> series.get(n).add(p.values().get(n)));
    }
    Map<String, List<Double>> frozen = new LinkedHashMap<>();
    series.forEach((k, v) -> frozen.put(k, Collections.unmodifiableList(v)));
    return new RrdSeries(timeframe.wire(), time, frozen);
  }
}
