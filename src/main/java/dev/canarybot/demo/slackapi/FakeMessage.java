package dev.canarybot.demo.slackapi;

import java.util.List;

/**
 * A message as the channel shows it now: the latest text and blocks after any updates.
 * {@code blocks} is the Block Kit JSON array as text, or null; {@code threadTs} is null for a
 * top-level message; {@code fileIds} are files shared with it.
 */
public record FakeMessage(String channel, String ts, String threadTs, String text, String blocks,
    List<String> fileIds, int edits) {

  public FakeMessage {
    fileIds = List.copyOf(fileIds);
  }

  public boolean isReply() {
    return threadTs != null && !threadTs.equals(ts);
  }

  FakeMessage updated(String newText, String newBlocks) {
    return new FakeMessage(channel, ts, threadTs, newText, newBlocks, fileIds, edits + 1);
  }
}
