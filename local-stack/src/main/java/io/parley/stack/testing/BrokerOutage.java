package io.parley.stack.testing;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Stops and restarts the module's test broker from a test. Quarkus loads test resources and tests through different
 * class loaders, so the resource registers its controls as a platform MBean, which both sides see.
 */
public final class BrokerOutage {
    private static final String NAME = "io.parley.test:type=KafkaBroker";

    private BrokerOutage() {}

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

    static void register(Runnable stop, Runnable restart) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new Control(stop, restart), name);
        } catch (JMException e) {
            throw new IllegalStateException("could not register the test broker's controls", e);
        }
    }

    static void unregister() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(NAME));
        } catch (JMException e) {
            // Already gone.
        }
    }

    /** Stops the broker; always pair with {@link #restart()} in a finally block, other tests need it back. */
    public static void stop() {
        invoke("stop");
    }

    /** Starts the same broker again: same data directory, same port. */
    public static void restart() {
        invoke("restart");
    }

    private static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(NAME), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException(
                    "test broker control failed (" + operation + "): is KafkaTestResource active?", e);
        }
    }
}
