package io.clipsearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the process that holds an index's write lock in {@code /proc/locks}. */
class WriteLockTest {

  @Test
  void readsTheHolderOfTheFileFromProcLocks() {
    List<String> locks =
        List.of(
            "1: POSIX  ADVISORY  WRITE 13331 fe:00:2244688 0 EOF",
            "2: POSIX  ADVISORY  WRITE 14003 fe:00:2252808 0 EOF",
            "2: -> POSIX  ADVISORY  WRITE 15000 fe:00:2252808 0 EOF",
            "3: OFDLCK ADVISORY  WRITE -1 fe:00:77 0 EOF");
    // the holder, not the process waiting behind it on the "->" line
    assertEquals(OptionalLong.of(14003), WriteLock.holder(locks, "fe:00:2252808"));
    assertEquals(OptionalLong.empty(), WriteLock.holder(locks, "fe:00:99"));
    // an open-file-description lock belongs to no one process
    assertEquals(OptionalLong.empty(), WriteLock.holder(locks, "fe:00:77"));
  }

  @Test
  void encodesDevicesAsProcLocksPrintsThem() {
    // st_dev 0xfe00 is device 254:0 (a device-mapper volume), printed in hex
    assertEquals("fe:00:2252808", WriteLock.deviceAndInode(0xfe00, 2252808));
    assertEquals("103:02:12", WriteLock.deviceAndInode(0x10302, 12));
  }

  @Test
  void findsThisProcessHoldingALock(@TempDir Path dir) throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/locks")), "Linux only");
    Path file = Files.createFile(dir.resolve("write.lock"));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      assertNotNull(channel.tryLock()); // released when the channel closes
      assertEquals(OptionalLong.of(ProcessHandle.current().pid()), WriteLock.holder(file));
    }
  }
}
