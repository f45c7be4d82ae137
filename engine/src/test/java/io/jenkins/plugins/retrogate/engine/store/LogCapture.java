package io.jenkins.plugins.retrogate.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Collects the warnings a store class logs (System.Logger goes to java.util.logging by default), formatted. */
public final class LogCapture {
    private LogCapture() {
    }

    /** The warnings the logger of {@code source} logs while {@code action} runs. */
    public static List<String> warnings(Class<?> source, Runnable action) {
        Logger logger = Logger.getLogger(source.getName());
        List<String> messages = new ArrayList<>();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (messages) {
                        messages.add(formatter.formatMessage(record));
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return messages;
    }
}
