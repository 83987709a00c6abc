package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.http.ApiException;
import io.pdmgitops.simulator.http.ApiResponse;
import io.pdmgitops.simulator.http.Call;
import io.pdmgitops.simulator.http.Json;
import io.pdmgitops.simulator.http.ParamSchema;
import io.pdmgitops.simulator.http.ParamSchema.Format;
import io.pdmgitops.simulator.http.ParamSchema.Param;
import io.pdmgitops.simulator.http.ParamSchema.Type;
import io.pdmgitops.simulator.http.Route;
import io.pdmgitops.simulator.http.TokenAuth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A cluster's scheduled backup jobs, {@code /cluster/backup}, as pve-manager's {@code
 * PVE/API2/Backup.pm} serves them (read at pve-manager commit 138cae89, PVE 9 development):
 * Sys.Audit to read, Sys.Modify to change; schema errors are 400s naming the parameter; checks PVE
 * makes while holding the {@code jobs.cfg} lock come back as 500s with pve-cluster's lock prefix;
 * the list gives stored keys with {@code enabled} filled in, flags as numbers and {@code
 * prune-backups} as an object.
 */
final class PveBackupJobApi {
  private static final Pattern CONFIG_ID =
      Pattern.compile("^[a-z][a-z0-9_-]+$", Pattern.CASE_INSENSITIVE);
  private static final Pattern VMID_LIST =
      Pattern.compile("^[1-9][0-9]{2,8}([,;\\s]+[1-9][0-9]{2,8})*$");
  private static final Set<String> KEEP =
      Set.of(
          "keep-all",
          "keep-last",
          "keep-hourly",
          "keep-daily",
          "keep-weekly",
          "keep-monthly",
          "keep-yearly");
  private static final Set<String> SHORTHANDS =
      Set.of(
          "minutely",
          "hourly",
          "daily",
          "weekly",
          "monthly",
          "yearly",
          "annually",
          "quarterly",
          "semiannually",
          "semi-annually");
  private static final Set<String> FLAGS = Set.of("enabled", "all", "repeat-missed", "remove");
  private static final String LOCKED = "error during cfs-locked 'file-jobs_cfg' operation: ";

  private static final List<Param> OPTIONS =
      List.of(
          Param.optional("schedule", Type.STRING),
          Param.optional("enabled", Type.BOOLEAN),
          Param.optional("storage", Type.STRING).format(Format.PVE_STORAGE_ID),
          Param.optional("all", Type.BOOLEAN),
          Param.optional("vmid", Type.STRING),
          Param.optional("pool", Type.STRING),
          Param.optional("exclude", Type.STRING),
          Param.node("node", true),
          Param.optional("mode", Type.STRING).oneOf("snapshot", "suspend", "stop"),
          Param.optional("compress", Type.STRING).oneOf("0", "1", "gzip", "lzo", "zstd"),
          Param.optional("prune-backups", Type.STRING),
          Param.optional("notes-template", Type.STRING).requires("storage"),
          Param.optional("notification-mode", Type.STRING)
              .oneOf("auto", "legacy-sendmail", "notification-system"),
          Param.optional("comment", Type.STRING),
          Param.optional("repeat-missed", Type.BOOLEAN),
          Param.optional("remove", Type.BOOLEAN));

  private static final ParamSchema CREATE =
      ParamSchema.of(OPTIONS).with(Param.optional("id", Type.STRING));
  private static final ParamSchema UPDATE =
      ParamSchema.of(OPTIONS)
          .with(Param.required("id", Type.STRING), Param.optional("delete", Type.STRING));

  /** Jobs by id, in the order they were created, each as its stored keys. */
  private final Map<String, Map<String, String>> jobs = new LinkedHashMap<>();

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/cluster/backup", this::list),
        Route.of("POST", "/cluster/backup", this::create),
        Route.of("GET", "/cluster/backup/{id}", this::read),
        Route.of("PUT", "/cluster/backup/{id}", this::update),
        Route.of("DELETE", "/cluster/backup/{id}", this::delete));
  }

  /** The jobs as stored, for tests and the admin view. */
  synchronized Map<String, Map<String, String>> jobs() {
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    jobs.forEach((id, job) -> copy.put(id, Map.copyOf(job)));
    return copy;
  }

  private synchronized ApiResponse list(Call call) {
    TokenAuth.require(call.token(), "/", "Sys.Audit");
    ArrayNode out = Json.array();
    jobs.forEach((id, job) -> out.add(shown(id, job)));
    return ApiResponse.ok(out);
  }

  private synchronized ApiResponse read(Call call) {
    TokenAuth.require(call.token(), "/", "Sys.Audit");
    String id = call.var("id");
    Map<String, String> job = jobs.get(id);
    if (job == null) {
      throw ApiException.badParameter("id", "No such job '" + id + "'");
    }
    return ApiResponse.ok(shown(id, job));
  }

  private synchronized ApiResponse create(Call call) {
    TokenAuth.require(call.token(), "/", "Sys.Modify");
    call.validate(CREATE);
    Map<String, String> given = new LinkedHashMap<>(call.request().params());
    String id = given.remove("id");
    if (id == null) {
      id = java.util.UUID.randomUUID().toString(); // what the API (not the GUI) does
    } else if (!CONFIG_ID.matcher(id).matches()) {
      throw ApiException.badParameter(
          "id", "invalid format - invalid configuration ID '" + id + "'\n");
    }
    formats(given);
    if (!given.containsKey("schedule")) {
      throw ApiException.badParameter("schedule", "neither 'starttime' nor 'schedule' were set");
    }
    conflicts(given);
    if (jobs.containsKey(id)) {
      throw ApiException.of(500, LOCKED + "Job '" + id + "' already exists\n");
    }
    given.putIfAbsent("enabled", "1");
    jobs.put(id, given);
    return ApiResponse.ok(null);
  }

  private synchronized ApiResponse update(Call call) {
    TokenAuth.require(call.token(), "/", "Sys.Modify");
    call.validate(UPDATE);
    String id = call.var("id");
    Map<String, String> given = new LinkedHashMap<>(call.request().params());
    given.remove("id");
    String delete = given.remove("delete");
    formats(given);
    String outer = "error during cfs-locked 'file-vzdump_cron' operation: " + LOCKED;
    Map<String, String> job = jobs.get(id);
    if (job == null) {
      throw ApiException.of(500, outer + "no such vzdump job\n");
    }
    List<String> deleted = new ArrayList<>();
    if (delete != null) {
      for (String key : delete.split("[,;\\s]+")) {
        if (key.isEmpty()) {
          continue;
        }
        if (!OPTIONS.stream().anyMatch(p -> p.name().equals(key))) {
          throw ApiException.of(
              500,
              outer + "400 Parameter verification failed.\ndelete: unknown option '" + key + "'\n");
        }
        deleted.add(key);
      }
    }
    if (given.isEmpty() && deleted.isEmpty()) {
      throw ApiException.of(500, outer + "no options specified\n");
    }
    Map<String, String> next = new LinkedHashMap<>(job);
    deleted.forEach(next::remove);
    // Setting one way of selecting guests clears the others, as the handler does.
    if (given.containsKey("vmid")) {
      next.keySet().removeAll(List.of("all", "exclude", "pool"));
    }
    if (given.containsKey("all")) {
      next.keySet().removeAll(List.of("vmid", "pool"));
    }
    if (given.containsKey("pool")) {
      next.keySet().removeAll(List.of("vmid", "all", "exclude"));
    }
    next.putAll(given);
    try {
      conflicts(next);
    } catch (ApiException e) {
      throw ApiException.of(500, outer + "400 " + e.response().message() + "\n" + e.getMessage());
    }
    jobs.put(id, next);
    return ApiResponse.ok(null);
  }

  private synchronized ApiResponse delete(Call call) {
    TokenAuth.require(call.token(), "/", "Sys.Modify");
    String id = call.var("id");
    if (jobs.remove(id) == null) {
      throw ApiException.badParameter("id", "No such job '" + id + "'");
    }
    return ApiResponse.ok(null);
  }

  /** The value formats the schema registers: calendar events, vmid lists, prune options. */
  private static void formats(Map<String, String> given) {
    Map<String, String> errors = new TreeMap<>();
    String schedule = given.get("schedule");
    if (schedule != null && !calendarEvent(schedule)) {
      errors.put(
          "schedule",
          "invalid format - invalid calendar event '"
              + schedule
              + "' - unable to parse calendar event\n");
    }
    for (String list : List.of("vmid", "exclude")) {
      String value = given.get(list);
      if (value != null && !VMID_LIST.matcher(value.strip()).matches()) {
        errors.put(list, "invalid format - value does not look like a valid VM ID\n");
      }
    }
    String prune = given.get("prune-backups");
    if (prune != null) {
      String why = pruneProblem(prune);
      if (why != null) {
        errors.put("prune-backups", why);
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(ApiResponse.badParameters(errors));
    }
  }

  /** What {@code verify_vzdump_parameters} refuses about a job's guest selection. */
  private static void conflicts(Map<String, String> job) {
    boolean all = "1".equals(job.get("all"));
    if (job.containsKey("vmid") && all) {
      throw ApiException.badParameter("all", "option conflicts with option 'vmid'");
    }
    if (job.containsKey("vmid") && job.containsKey("exclude")) {
      throw ApiException.badParameter("exclude", "option conflicts with option 'vmid'");
    }
    if (job.containsKey("vmid") && job.containsKey("pool")) {
      throw ApiException.badParameter("pool", "option conflicts with option 'vmid'");
    }
    if (!all && !job.containsKey("vmid") && !job.containsKey("pool")) {
      throw ApiException.badParameter("vmid", "property is missing");
    }
  }

  private static String pruneProblem(String value) {
    Map<String, String> keep = new TreeMap<>();
    for (String part : value.split(",")) {
      int eq = part.indexOf('=');
      String key = eq < 0 ? part : part.substring(0, eq);
      if (!KEEP.contains(key) || eq < 0 || !part.substring(eq + 1).matches("\\d+")) {
        return "invalid format - format error\n"
            + key
            + ": property is not defined in schema and the schema does not allow additional properties\n";
      }
      keep.put(key, part.substring(eq + 1));
    }
    if (keep.containsKey("keep-all") && keep.size() > 1) {
      return "invalid format - keep-all cannot be set together with other options.\n";
    }
    return null;
  }

  /**
   * Whether proxmox-time would parse the event: a shorthand, or weekdays, a date and a time built
   * from numbers, {@code *}, ranges ({@code ..}), lists and repetitions; hours and minutes in
   * range.
   */
  static boolean calendarEvent(String text) {
    String event = text.strip().toLowerCase(Locale.ROOT);
    if (event.isEmpty()) {
      return false;
    }
    if (SHORTHANDS.contains(event)) {
      return true;
    }
    for (String token : event.split("\\s+")) {
      boolean weekdays =
          token.matches("([a-z]{3,9}(\\.\\.[a-z]{3,9})?)(,[a-z]{3,9}(\\.\\.[a-z]{3,9})?)*");
      if (weekdays) {
        for (String day : token.split("\\.\\.|,")) {
          if (!List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")
              .contains(day.substring(0, 3))) {
            return false;
          }
        }
        continue;
      }
      if (!token.matches("[0-9*.,/:-]+")) {
        return false;
      }
      if (token.contains(":")) {
        String[] hm = token.split(":");
        if (hm.length > 3 || outOfRange(hm[0], 23) || (hm.length > 1 && outOfRange(hm[1], 59))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean outOfRange(String part, int max) {
    for (String n : part.split("[^0-9]+")) {
      if (!n.isEmpty() && !part.contains("/") && Integer.parseInt(n) > max) {
        return true;
      }
    }
    return false;
  }

  /** A stored job as the list and read show it. */
  private static ObjectNode shown(String id, Map<String, String> job) {
    ObjectNode out = Json.object().put("id", id).put("type", "vzdump");
    job.forEach(
        (key, value) -> {
          if (FLAGS.contains(key)) {
            out.put(key, Integer.parseInt(value));
          } else if (key.equals("prune-backups")) {
            ObjectNode keep = out.putObject("prune-backups");
            for (String part : value.split(",")) {
              String[] kv = part.split("=", 2);
              keep.put(kv[0], Integer.parseInt(kv[1]));
            }
          } else {
            out.put(key, value);
          }
        });
    return out;
  }
}
