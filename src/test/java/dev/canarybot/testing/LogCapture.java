package dev.canarybot.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log record a logger (and its children) publishes while attached, as the JUL handler
 * Quarkus' JBoss LogManager feeds: for tests that say what is never logged.
 */
public final class LogCapture extends Handler implements AutoCloseable {
  /** One published record: where from, how loud, the formatted text and any exception. */
  public record Line(String logger, String level, String text, Throwable thrown) {}

  private final Logger logger;
  private final List<Line> lines = new ArrayList<>();

  private LogCapture(String loggerName) {
    this.logger = Logger.getLogger(loggerName);
  }

  /** Starts capturing what {@code loggerName} ("" for every logger) publishes. */
  public static LogCapture of(String loggerName) {
    LogCapture capture = new LogCapture(loggerName);
    capture.logger.addHandler(capture);
    return capture;
  }

  @Override
  public synchronized void publish(LogRecord record) {
    String text = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    lines.add(new Line(record.getLoggerName(), record.getLevel().getName(), text == null ? "" : text,
        record.getThrown()));
  }

  public synchronized List<Line> lines() {
    return List.copyOf(lines);
  }

  public synchronized void clear() {
    lines.clear();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
