package io.pdmgitops.reconcilers.backupjob;

import static io.pdmgitops.reconcilers.api.ProxmoxTransport.segment;

import io.pdmgitops.model.backupjob.ObservedBackupJobs;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@link BackupJobApi} over a remote's transport, in PVE's parameter names. The list gives each
 * job's stored keys with {@code enabled} filled in, booleans and numbers as numbers, and {@code
 * prune-backups} as an object; values are turned into the text PVE takes them as.
 */
public final class WebBackupJobApi implements BackupJobApi {
  /** Keys the list adds that are not the job's settings. */
  private static final Set<String> NOT_SETTINGS = Set.of("id", "type", "next-run");

  private final ProxmoxTransport transport;

  public WebBackupJobApi(ProxmoxTransport transport) {
    this.transport = transport;
  }

  @Override
  public Mono<List<ObservedBackupJobs.Job>> list() {
    return transport
        .get("/cluster/backup", Map.of())
        .map(
            envelope -> {
              List<ObservedBackupJobs.Job> jobs = new ArrayList<>();
              for (JsonNode job : envelope.data()) {
                String id = job.path("id").asString("");
                if (id.isEmpty() || job.has("starttime")) {
                  continue; // a legacy vzdump.cron job: not a /cluster/backup job one can address
                }
                Map<String, String> parameters = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : job.properties()) {
                  if (!NOT_SETTINGS.contains(field.getKey())) {
                    parameters.put(field.getKey(), text(field.getValue()));
                  }
                }
                jobs.add(new ObservedBackupJobs.Job(id, parameters));
              }
              return jobs;
            });
  }

  /** A value as PVE takes it in a form: property-string objects as {@code k=v,k=v}. */
  private static String text(JsonNode value) {
    if (value.isObject()) {
      Map<String, String> sorted = new TreeMap<>();
      value.properties().forEach(e -> sorted.put(e.getKey(), text(e.getValue())));
      StringBuilder out = new StringBuilder();
      sorted.forEach(
          (k, v) -> out.append(out.isEmpty() ? "" : ",").append(k).append('=').append(v));
      return out.toString();
    }
    if (value.isBoolean()) {
      return value.asBoolean() ? "1" : "0";
    }
    return value.asString("");
  }

  @Override
  public Mono<Void> create(String id, Map<String, String> parameters) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("id", id);
    form.putAll(parameters);
    return transport.post("/cluster/backup", form).then();
  }

  @Override
  public Mono<Void> update(String id, Map<String, String> parameters, List<String> delete) {
    Map<String, String> form = new LinkedHashMap<>(parameters);
    if (!delete.isEmpty()) {
      form.put("delete", String.join(",", delete));
    }
    return transport.put("/cluster/backup/" + segment(id), form).then();
  }

  @Override
  public Mono<Void> delete(String id) {
    return transport.delete("/cluster/backup/" + segment(id)).then();
  }
}
