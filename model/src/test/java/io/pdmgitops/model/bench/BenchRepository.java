package io.pdmgitops.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large, valid desired-state repository: 20 remotes, then guests spread over them, views,
 * users, groups and access rules, {@code perFile} documents per file.
 */
final class BenchRepository {
  private static final int REMOTES = 20;

  private final Path root;

  BenchRepository(Path root) {
    this.root = root;
  }

  void write(int files, int perFile) throws IOException {
    int remoteFiles = REMOTES / perFile;
    int userFiles = 20;
    for (int f = 0; f < files; f++) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < perFile; i++) {
        int n = f * perFile + i;
        if (f < remoteFiles) {
          out.append(remote(n));
        } else if (f < remoteFiles + userFiles) {
          out.append(user(n));
        } else if (f < remoteFiles + userFiles + 5) {
          out.append(view(n));
        } else if (f < remoteFiles + userFiles + 10) {
          out.append(rule(n, remoteFiles * perFile));
        } else {
          out.append(guest(n));
        }
      }
      Path file = root.resolve("dir" + (f % 10)).resolve("file-" + f + ".yaml");
      Files.createDirectories(file.getParent());
      Files.writeString(file, out.toString());
    }
  }

  private static String remote(int n) {
    return """
        ---
        apiVersion: pdm-gitops/v1
        kind: Remote
        metadata:
          name: remote-%d
          labels: {site: site-%d}
        spec:
          type: pve
          endpoints:
            - url: https://pve-%d-a.bench.example:8006
              fingerprint: "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"
            - url: https://pve-%d-b.bench.example:8006
          token:
            id: pdm-gitops@pve!controller
            secret: {env: TOKEN_%d}
        """
        .formatted(n, n % 3, n, n, n);
  }

  private static String guest(int n) {
    return """
        ---
        apiVersion: pdm-gitops/v1
        kind: Guest
        metadata:
          name: guest-%d
        spec:
          remote: remote-%d
          vmid: %d
          type: %s
          name: guest-%d
          power: %s
          policy: %s
          restartedAt: "2026-11-20T03:00:00Z"
        """
        .formatted(
            n,
            n % REMOTES,
            100 + n,
            n % 3 == 0 ? "lxc" : "qemu",
            n,
            n % 4 == 0 ? "stopped" : "running",
            n % 5 == 0 ? "report" : "enforce");
  }

  private static String view(int n) {
    return """
        ---
        apiVersion: pdm-gitops/v1
        kind: View
        metadata:
          name: view-%d
        spec:
          include: [remote=remote-%d, tag=prod, resource-type=node]
          exclude: [resource-id=remote/remote-%d/guest/%d]
          layout:
            rows:
              - - {type: nodes, remoteType: pve}
                - {type: guests, guestType: qemu}
              - - {type: leaderboard, leaderboardType: guest-cpu}
        """
        .formatted(n, n % REMOTES, n % REMOTES, 100 + n);
  }

  private static String user(int n) {
    return """
        ---
        apiVersion: pdm-gitops/v1
        kind: User
        metadata:
          name: user-%d
        spec:
          realm: pdm
          email: user-%d@bench.example
          tfa: {required: true}
        """
        .formatted(n, n);
  }

  private static String rule(int n, int firstUser) {
    return """
        ---
        apiVersion: pdm-gitops/v1
        kind: AccessRule
        metadata:
          name: rule-%d
        spec:
          subject: {user: user-%d@pdm}
          role: Manage
          path: /remotes/remote-%d
        """
        .formatted(n, firstUser + n % 200, n % REMOTES);
  }
}
