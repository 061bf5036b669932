package io.parley.stack;

import io.parley.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What each Parley service may do on a broker that authorizes (principals are the services' SCRAM user names): only
 * agent-gateway and routing-service write replies to {@code parley.outbound-messages}, only ingest-service writes
 * customer messages to {@code parley.inbound-messages}, and so on. The same list is the ACL plan for operators.
 */
public final class KafkaAcls {
    public static final String INGEST = "ingest-service";
    public static final String ROUTING = "routing-service";
    public static final String METRICS = "metrics-service";
    public static final String GATEWAY = "agent-gateway";

    static final String INBOUND_DLQ = Topics.INBOUND_MESSAGES + ".dlq";
    static final String OUTBOUND_DLQ = Topics.OUTBOUND_MESSAGES + ".dlq";
    static final String METRICS_DLQ = Topics.CONVERSATION_EVENTS + ".metrics-dlq";

    /** Every topic the services use, created up front: no service may create topics. */
    public static final List<String> TOPICS = List.of(
            Topics.INBOUND_MESSAGES,
            Topics.OUTBOUND_MESSAGES,
            Topics.CONVERSATION_EVENTS,
            Topics.AGENT_ACTIVITY,
            INBOUND_DLQ,
            OUTBOUND_DLQ,
            METRICS_DLQ);

    private KafkaAcls() {}

    public static List<AclBinding> forServices() {
        List<AclBinding> acls = new ArrayList<>();
        writes(acls, INGEST, Topics.INBOUND_MESSAGES, OUTBOUND_DLQ);
        reads(acls, INGEST, INGEST, Topics.OUTBOUND_MESSAGES);
        writes(acls, ROUTING, Topics.CONVERSATION_EVENTS, Topics.OUTBOUND_MESSAGES, INBOUND_DLQ);
        reads(acls, ROUTING, ROUTING, Topics.INBOUND_MESSAGES);
        writes(acls, METRICS, METRICS_DLQ);
        reads(acls, METRICS, METRICS, Topics.CONVERSATION_EVENTS);
        writes(acls, GATEWAY, Topics.OUTBOUND_MESSAGES, Topics.AGENT_ACTIVITY);
        // Every replica reads every partition itself (assigned, no consumer group): live updates fan out to all.
        acls.add(allow(ResourceType.TOPIC, Topics.CONVERSATION_EVENTS, GATEWAY, AclOperation.READ));
        acls.add(allow(ResourceType.TOPIC, Topics.AGENT_ACTIVITY, GATEWAY, AclOperation.READ));
        return acls;
    }

    private static void writes(List<AclBinding> acls, String user, String... topics) {
        for (String topic : topics) {
            acls.add(allow(ResourceType.TOPIC, topic, user, AclOperation.WRITE));
        }
    }

    /** Reading a topic in a consumer group needs READ on both. */
    private static void reads(List<AclBinding> acls, String user, String group, String... topics) {
        for (String topic : topics) {
            acls.add(allow(ResourceType.TOPIC, topic, user, AclOperation.READ));
        }
        acls.add(allow(ResourceType.GROUP, group, user, AclOperation.READ));
    }

    private static AclBinding allow(ResourceType type, String name, String user, AclOperation operation) {
        return new AclBinding(
                new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
