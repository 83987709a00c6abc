package io.pdmgitops.controller.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A disk that can fill up: H2 files opened through {@code jdbc:h2:fulldisk:/path} are real files,
 * but while {@link #fill} is on every write and sync fails as on a full disk (ENOSPC). As root no
 * file mode stops a write, and a tmpfs of a set size needs a mount: this reaches the same code in
 * H2 that a full disk reaches.
 */
public final class FullDisk extends FilePathWrapper {
  private static final AtomicBoolean FULL = new AtomicBoolean();
  private static final AtomicBoolean REGISTERED = new AtomicBoolean();

  /** Makes the {@code fulldisk:} prefix known to H2, once per JVM. */
  public static void register() {
    if (REGISTERED.compareAndSet(false, true)) {
      FilePath.register(new FullDisk());
    }
  }

  public static void fill(boolean full) {
    FULL.set(full);
  }

  @Override
  public String getScheme() {
    return "fulldisk";
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    return new Channel(getBase().open(mode));
  }

  @Override
  public boolean createFile() {
    return !FULL.get() && getBase().createFile();
  }

  private static void checkSpace() throws IOException {
    if (FULL.get()) {
      throw new IOException("No space left on device");
    }
  }

  private static final class Channel extends FileBase {
    private final FileChannel channel;

    Channel(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public void implCloseChannel() throws IOException {
      channel.close();
    }

    @Override
    public long position() throws IOException {
      return channel.position();
    }

    @Override
    public FileChannel position(long position) throws IOException {
      channel.position(position);
      return this;
    }

    @Override
    public long size() throws IOException {
      return channel.size();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return channel.read(dst);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return channel.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      checkSpace();
      return channel.write(src);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      checkSpace();
      return channel.write(src, position);
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      channel.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      checkSpace();
      channel.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return channel.tryLock(position, size, shared);
    }
  }
}
