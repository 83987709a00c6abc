package io.pdmgitops.webui;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * A request body read whole, but never more than a limit: past it the read fails with {@link
 * org.springframework.core.io.buffer.DataBufferLimitException} as soon as that much has arrived,
 * and an empty body is an empty array.
 */
public final class BoundedBody {
  private BoundedBody() {}

  public static Mono<byte[]> read(ServerRequest request, int maxBytes) {
    return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), maxBytes)
        .map(
            buffer -> {
              byte[] bytes = new byte[buffer.readableByteCount()];
              buffer.read(bytes);
              DataBufferUtils.release(buffer);
              return bytes;
            })
        .defaultIfEmpty(new byte[0]);
  }
}
