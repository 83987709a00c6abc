package io.pdmgitops.reconcilers.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each real error response becomes, and whether retrying can help. */
class ErrorClassifierTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no credentials             | PVE | 401 | No ticket                  | ''                                                      | AuthenticationFailedException | false | No ticket
          bad token, new PVE         | PVE | 401 | Authentication failed!     | '{"data":null,"message":"Authentication failed!\\n"}'   | AuthenticationFailedException | false | Authentication failed!
          permission                 | PVE | 403 | Permission check failed (/vms/100, VM.PowerMgmt) | '{"data":null}'                  | PermissionDeniedException     | false | Permission check failed (/vms/100, VM.PowerMgmt)
          locked, reason only        | PVE | 500 | VM is locked (migrate)     | '{"data":null}'                                         | GuestLockedException          | true  | VM is locked (migrate)
          locked in message          | PVE | 500 | VM is locked (backup)      | '{"data":null,"message":"VM is locked (backup)\\n"}'    | GuestLockedException          | true  | VM is locked (backup)
          missing config             | PVE | 500 | Configuration file 'nodes/pve1/qemu-server/999.conf' does not exist | '' | NotFoundException | false | Configuration file 'nodes/pve1/qemu-server/999.conf' does not exist
          offline node               | PVE | 595 | Errors during connection establishment, proxy handshake: No route to host | '' | NodeUnreachableException | true | Errors during connection establishment, proxy handshake: No route to host
          broken proxy hop           | PVE | 596 | Broken pipe                | ''                                                      | NodeUnreachableException      | true  | Broken pipe
          unknown node               | PVE | 500 | 'hostname lookup ''pve9'' failed - failed to get address info for: pve9: Name or service not known' | '{"data":null,"message":"hostname lookup ''pve9'' failed - failed to get address info for: pve9: Name or service not known\\n"}' | NotFoundException | false | 'no node ''pve9'' in the cluster (hostname lookup ''pve9'' failed - failed to get address info for: pve9: Name or service not known)'
          task of another node       | PVE | 400 | Parameter verification failed. | '{"data":null,"message":"Parameter verification failed.\\n","errors":{"upid":"no such task"}}' | NotFoundException | false | upid: no such task
          bad parameter              | PVE | 400 | Parameter verification failed. | '{"data":null,"errors":{"vmid":"type check (''integer'') failed - got ''abc''"}}' | BadRequestException | false | Parameter verification failed. {vmid=type check ('integer') failed - got 'abc'}
          semantic refusal           | PVE | 500 | CT 101 already running     | '{"data":null,"message":"CT 101 already running\\n"}'   | ServerErrorException          | false | CT 101 already running
          unknown path               | PVE | 501 | Method 'GET /foo' not implemented | ''                                               | ServerErrorException          | false | Method 'GET /foo' not implemented
          gateway                    | PVE | 503 | Service Unavailable        | ''                                                      | ServerErrorException          | true  | Service Unavailable
          PBS plain text             | PBS | 400 | Bad Request                | 'unable to open chunk store ''store1'' at "/mnt/x"'     | ServerErrorException          | false | unable to open chunk store 'store1' at "/mnt/x"
          PBS missing datastore      | PBS | 404 | Not Found                  | 'datastore ''nope'' does not exist'                     | NotFoundException             | false | datastore 'nope' does not exist
          PBS permission             | PBS | 403 | Forbidden                  | 'permission check failed'                               | PermissionDeniedException     | false | permission check failed
          """)
  void classifies(
      String name,
      Product product,
      int status,
      String reason,
      String body,
      String type,
      boolean retryable,
      String message) {
    RemoteApiException e = ErrorClassifier.classify("r1", product, status, reason, body);

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.retryable()).isEqualTo(retryable);
    assertThat(e.getMessage()).isEqualTo("r1: " + message);
    assertThat(e.status()).hasValue(status);
  }
}
