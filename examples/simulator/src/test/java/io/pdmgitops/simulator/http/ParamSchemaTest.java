package io.pdmgitops.simulator.http;

import static io.pdmgitops.simulator.http.ParamSchema.Param.node;
import static io.pdmgitops.simulator.http.ParamSchema.Param.optional;
import static io.pdmgitops.simulator.http.ParamSchema.Param.required;
import static io.pdmgitops.simulator.http.ParamSchema.Param.vmid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pdmgitops.simulator.config.TokenConfig;
import io.pdmgitops.simulator.http.ParamSchema.Type;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The schema check answers with pve-common JSONSchema's texts, all problems at once. */
class ParamSchemaTest {
  static final ParamSchema SCHEMA =
      ParamSchema.of(
          node("node", false),
          vmid("vmid", false),
          required("target", Type.STRING),
          optional("online", Type.BOOLEAN),
          optional("bwlimit", Type.INTEGER).minimum(0),
          optional("rate", Type.NUMBER).minimum(0),
          optional("mode", Type.STRING).oneOf("secure", "insecure"),
          optional("statestorage", Type.STRING).requires("todisk"),
          optional("todisk", Type.BOOLEAN));

  static Call call(String vmid, Map<String, String> params) {
    return new Call(
        new ApiRequest("POST", "/nodes/pve1/qemu/" + vmid + "/x", params, Optional.empty()),
        Map.of("node", "pve1", "vmid", vmid),
        new TokenConfig("a@pve!a", "s", "admin"));
  }

  static Map<String, String> errors(String vmid, Map<String, String> params) {
    ApiException e =
        catchThrowableOfType(ApiException.class, () -> SCHEMA.validate(call(vmid, params)));
    assertThat(e.response().status()).isEqualTo(400);
    assertThat(e.response().message()).isEqualTo("Parameter verification failed.");
    return e.response().errors();
  }

  @Test
  void collectsEveryProblem() {
    assertThat(
            errors(
                "100",
                Map.of(
                    "restart", "1",
                    "online", "true",
                    "bwlimit", "-5",
                    "rate", "x",
                    "mode", "fast",
                    "statestorage", "local")))
        .containsOnly(
            Map.entry("target", "property is missing and it is not optional"),
            Map.entry(
                "restart",
                "property is not defined in schema and the schema does not allow additional"
                    + " properties"),
            Map.entry("online", "type check ('boolean') failed - got 'true'"),
            Map.entry("bwlimit", "value must have a minimum value of 0"),
            Map.entry("rate", "type check ('number') failed - got 'x'"),
            Map.entry(
                "mode", "value 'fast' does not have a value in the enumeration 'secure, insecure'"),
            Map.entry("todisk", "missing property - 'statestorage' requires this property"));
  }

  @Test
  void checksTheDeclaredPathVariablesLikeParameters() {
    assertThat(errors("42", Map.of("target", "pve2")))
        .containsOnly(
            Map.entry("vmid", "invalid format - value does not look like a valid VM ID\n"));
    assertThat(errors("abc", Map.of("target", "pve2")))
        .containsOnly(Map.entry("vmid", "type check ('integer') failed - got 'abc'"));
  }

  @Test
  void acceptsWhatTheSchemaAllows() {
    assertThatCode(
            () ->
                SCHEMA.validate(
                    call(
                        "100",
                        Map.of(
                            "target", "pve2",
                            "online", "0",
                            "bwlimit", "1024",
                            "rate", "1.5",
                            "todisk", "1",
                            "statestorage", "local"))))
        .doesNotThrowAnyException();
  }
}
