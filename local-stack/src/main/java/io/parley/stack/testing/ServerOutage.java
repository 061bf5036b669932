package io.parley.stack.testing;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Stops and restarts one of the module's test servers (the Kafka broker, PostgreSQL) from a test. Quarkus loads test
 * resources and tests through different class loaders, so each resource registers its controls as a platform MBean,
 * which both sides see.
 */
public final class ServerOutage {
    /** The servers a test resource can take down. */
    public enum Server {
        KAFKA("KafkaBroker", "KafkaTestResource"),
        POSTGRES("PostgreSQL", "PostgresTestResource");

        private final String type;
        private final String resource;

        Server(String type, String resource) {
            this.type = type;
            this.resource = resource;
        }

        ObjectName objectName() throws JMException {
            return new ObjectName("io.parley.test:type=" + type);
        }
    }

    private ServerOutage() {}

    /** The MBean interface; JMX requires it public and named after the implementing class. */
    public interface ControlMBean {
        void stop();

        void restart();
    }

    /** Bridges JMX calls to the resource's actions. */
    public static final class Control implements ControlMBean {
        private final Runnable stop;
        private final Runnable restart;

        Control(Runnable stop, Runnable restart) {
            this.stop = stop;
            this.restart = restart;
        }

        @Override
        public void stop() {
            stop.run();
        }

        @Override
        public void restart() {
            restart.run();
        }
    }

    static void register(Server which, Runnable stop, Runnable restart) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = which.objectName();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new Control(stop, restart), name);
        } catch (JMException e) {
            throw new IllegalStateException("could not register the test " + which + " server's controls", e);
        }
    }

    static void unregister(Server which) {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(which.objectName());
        } catch (JMException e) {
            // Already gone.
        }
    }

    /** Stops the server; always pair with {@link #restart} in a finally block, other tests need it back. */
    public static void stop(Server which) {
        invoke(which, "stop");
    }

    /** Starts the same server again: same data directory, same port. */
    public static void restart(Server which) {
        invoke(which, "restart");
    }

    private static void invoke(Server which, String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(which.objectName(), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException(
                    "test " + which + " control failed (" + operation + "): is " + which.resource + " active?", e);
        }
    }
}
