package org.dxaflow.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The engine's log file, {@code <data dir>/logs/dxaflow.log}, rolled daily and at 50 MB, 30 days
 * kept: the same lines as the console. Attached at start because the data directory is only known
 * once the configuration is read. What is printed to the console alone (the first start's admin
 * password) never reaches it.
 */
final class LogFile {

    static final String APPENDER = "dxaflow-file";

    private LogFile() {
    }

    static Path attach(Path dataDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var previous = root.getAppender(APPENDER);
        if (previous != null) {
            // another engine ran in this JVM before (tests): its file is not this one's
            root.detachAppender(previous);
            previous.stop();
        }
        Path file = dataDir.resolve("logs").resolve("dxaflow.log");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(dataDir.resolve("logs").resolve("dxaflow.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("50MB"));
        policy.setMaxHistory(30);
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        root.addAppender(appender);
        return file;
    }
}
