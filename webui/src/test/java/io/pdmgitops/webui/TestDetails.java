package io.pdmgitops.webui;

import io.pdmgitops.webui.api.DetailPort;
import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.api.RemoteDetail;
import io.pdmgitops.webui.api.RemoteInventory;
import io.pdmgitops.webui.api.RemoteReadException;
import io.pdmgitops.webui.api.ResourceDetail;
import io.pdmgitops.webui.api.ResourceRowView;
import io.pdmgitops.webui.api.ResourceView;
import io.pdmgitops.webui.api.RrdSeries;
import io.pdmgitops.webui.api.SourceFile;
import io.pdmgitops.webui.api.SourcePort;
import io.pdmgitops.webui.api.Timeframe;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import io.pdmgitops.webui.tasks.TaskList;
import io.pdmgitops.webui.tasks.TaskLogView;
import io.pdmgitops.webui.tasks.TaskRow;
import io.pdmgitops.webui.tasks.TaskState;
import io.pdmgitops.webui.tasks.TasksPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Fixtures for the detail routes: guest east/100 declared in guests.yaml and drifted, remote west
 * down and east up, three tasks (one running, one failed, one the controller's), and one file.
 */
public final class TestDetails {
  private TestDetails() {}

  public static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  public static final String UPID_OURS =
      "UPID:east-1:0000A1B2:00C0FFEE:6741A2B3:qmshutdown:100:ctl@pve!ctl:";
  public static final String UPID_RUNNING =
      "UPID:east-1:0000A1B3:00C0FFEF:6741A2C0:vzdump::root@pam:";
  public static final String UPID_FAILED =
      "UPID:east-1:0000A1B4:00C0FFF0:6741A000:qmstart:101:root@pam:";

  public static final List<String> GUESTS_YAML =
      List.of(
          "kind: Guest",
          "metadata: {name: db}",
          "spec: {remote: east, vmid: 101, type: qemu, name: db}",
          "---",
          "kind: Guest",
          "metadata:",
          "  name: east-vm-100",
          "spec:",
          "  remote: east",
          "  vmid: 100",
          "  type: lxc",
          "  name: east-vm-100",
          "  power: stopped");

  public static ResourceDetail guest(FleetSnapshot fleet) {
    ResourceRowView row =
        fleet.resources().stream()
            .filter(r -> r.id().equals("remote/east/guest/100"))
            .map(ResourceRowView::of)
            .findFirst()
            .orElseThrow();
    ResourceView.ActionView action =
        new ResourceView.ActionView(
            "SHUTDOWN",
            "FINISHED",
            Optional.of("OK"),
            Optional.of(UPID_OURS),
            SHA,
            "2026-11-23T11:00:06Z");
    ResourceView verdict =
        new ResourceView(
            "Guest",
            "east-vm-100",
            "OUT_OF_SYNC",
            "HEALTHY",
            "enforce",
            true,
            "power: want stopped, is running",
            List.of(new ResourceView.DriftView("power", "stopped", "running")),
            Optional.of("east"),
            Optional.of("east-1"),
            Optional.of(100),
            Optional.of(action),
            Optional.empty());
    return new ResourceDetail(
        row,
        Optional.of(
            new ResourceDetail.Declaration(
                "Guest",
                "east-vm-100",
                SHA,
                "guests.yaml",
                7,
                5,
                GUESTS_YAML.size(),
                Optional.of(String.join("\n", GUESTS_YAML.subList(4, GUESTS_YAML.size()))),
                Optional.empty())),
        Optional.of(verdict),
        Optional.of("will shut it down"),
        List.of(
            new ResourceDetail.ObservedField("node", "east-1"),
            new ResourceDetail.ObservedField("power", "running"),
            new ResourceDetail.ObservedField("lock", "—")),
        List.of(action),
        Optional.of(
            new ResourceDetail.Backups(
                List.of(
                    new ResourceDetail.BackupJobView(
                        "nightly", Optional.of("east-nightly"), "21:30", "pbs-main", true),
                    new ResourceDetail.BackupJobView(
                        "backup-1a2b", Optional.empty(), "sat 02:00", "local", false)),
                true,
                Optional.of(
                    new ResourceDetail.LastBackup(
                        "pbs-main", "store1", "2026-11-23T11:30:00Z", 3, Optional.of("ok"))),
                Optional.of("2026-11-23T11:50:00Z"))));
  }

  public static DetailPort details(FleetSnapshot fleet) {
    return new DetailPort() {
      @Override
      public Optional<ResourceDetail> guest(String remote, int vmid) {
        if (remote.equals("east") && vmid == 101) {
          // seen on the remote, not declared: no declaration, verdict or next step
          ResourceDetail full = TestDetails.guest(fleet);
          return Optional.of(
              new ResourceDetail(
                  full.resource(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  full.observed(),
                  List.of(),
                  // the only job selecting it is disabled: nothing backs it up
                  Optional.of(
                      new ResourceDetail.Backups(
                          List.of(
                              new ResourceDetail.BackupJobView(
                                  "backup-1a2b", Optional.empty(), "sat 02:00", "local", false)),
                          false,
                          Optional.empty(),
                          Optional.of("2026-11-23T11:50:00Z")))));
        }
        return remote.equals("east") && vmid == 100
            ? Optional.of(TestDetails.guest(fleet))
            : Optional.empty();
      }

      @Override
      public Mono<RrdSeries> guestRrd(String remote, int vmid, Timeframe timeframe) {
        if (remote.equals("west")) {
          return Mono.error(new RemoteReadException("west is offline: connection refused"));
        }
        if (vmid != 100) {
          return Mono.error(new NotFoundException("no guest " + vmid + " on " + remote));
        }
        List<Double> cpu = new ArrayList<>();
        cpu.add(0.25);
        cpu.add(null); // a bucket without data stays empty, not zero
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("cpu", cpu);
        series.put("mem", List.of(1.0e9, 1.5e9));
        return Mono.just(
            new RrdSeries(timeframe.wire(), List.of(1_700_000_000L, 1_700_000_060L), series));
      }
    };
  }

  public static RemoteInventory east() {
    RemoteDetail summary =
        new RemoteDetail(
            "east",
            "pve",
            List.of(
                new RemoteDetail.Endpoint("https://east-1.example:8006", Optional.of("AA:BB")),
                new RemoteDetail.Endpoint("https://east-2.example:8006/", Optional.empty())),
            "online",
            Optional.empty(),
            "",
            Optional.of("8.2.4"),
            1,
            1,
            1_000,
            200,
            0,
            Optional.of("2026-11-23T12:00:00Z"),
            Optional.empty());
    FleetSnapshot fleet = TestFleet.of(1);
    return new RemoteInventory(
        summary,
        Optional.of("https://east-2.example:8006"),
        fleet.resources().stream()
            .filter(r -> r.id().equals("remote/east/node/east-1"))
            .map(ResourceRowView::of)
            .toList(),
        List.of(),
        List.of(
            new RemoteInventory.UnmanagedView(
                "BackupJob", "backup-1a2b", "sat 02:00 to local, vmids 100", false)));
  }

  public static TaskList tasks() {
    return new TaskList(
        "2026-11-23T12:00:00Z",
        List.of(
            task(UPID_RUNNING, "vzdump", "", TaskState.RUNNING, Optional.empty(), false),
            task(UPID_OURS, "qmshutdown", "100", TaskState.OK, Optional.of("OK"), true),
            task(
                UPID_FAILED,
                "qmstart",
                "101",
                TaskState.FAILED,
                Optional.of("start failed: no space left"),
                false)),
        List.of(new TaskList.Failure("west", "offline: connection refused")));
  }

  private static TaskRow task(
      String upid, String type, String id, TaskState state, Optional<String> exit, boolean ours) {
    return new TaskRow(
        "east",
        "east-1",
        upid,
        type,
        Optional.of(id).filter(s -> !s.isEmpty()),
        ours ? "ctl@pve!ctl" : "root@pam",
        "2026-11-23T11:00:00Z",
        state == TaskState.RUNNING ? Optional.empty() : Optional.of("2026-11-23T11:00:09Z"),
        state,
        exit,
        ours ? Optional.of(SHA) : Optional.empty(),
        ours ? Optional.of("Guest/east-vm-100") : Optional.empty());
  }

  public static TasksPort tasksPort() {
    return new TasksPort() {
      @Override
      public Mono<TaskList> tasks() {
        return Mono.just(TestDetails.tasks());
      }

      @Override
      public TaskList latest() {
        return TestDetails.tasks();
      }

      @Override
      public Mono<TaskLogView> log(
          String remote, String upid, io.pdmgitops.model.access.RemoteToken via) {
        if (remote.equals("west")) {
          return Mono.error(new RemoteReadException("west: connection refused"));
        }
        if (upid.equals(UPID_RUNNING)) {
          return Mono.just(
              new TaskLogView(
                  remote, upid, TaskState.RUNNING, Optional.empty(), List.of("INFO: starting"), 1));
        }
        if (upid.equals(UPID_OURS)) {
          return Mono.just(
              new TaskLogView(
                  remote,
                  upid,
                  TaskState.OK,
                  Optional.of("OK"),
                  List.of("shutting down <db> & waiting", "TASK OK"),
                  7_000));
        }
        return Mono.error(new NotFoundException(remote + " has no task " + upid));
      }
    };
  }

  public static SourcePort sources() {
    return (commit, path) -> {
      if (commit.equals(SHA) && path.equals("guests.yaml")) {
        return new SourceFile(commit, path, GUESTS_YAML);
      }
      throw new NotFoundException("no file " + path + " at commit " + commit);
    };
  }

  public static TestPorts ports(FleetSnapshot fleet) {
    return TestPorts.defaults()
        .fleet(() -> fleet)
        .details(details(fleet))
        .tasks(tasksPort())
        .sources(sources())
        .remotes(TestPorts.remotes(List.of(east().remote()), List.of(east())));
  }
}
