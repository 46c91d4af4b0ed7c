package dev.retort.it.quarkus;

import java.util.HashMap;
import java.util.Map;

/** {@link ReplicasProfile} with a long {@code quarkus.retort.replica.wait} and the background check off. */
public class ReplicaWaitProfile extends ReplicasProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("quarkus.retort.replica.wait", "30s");
        overrides.put("quarkus.retort.replica.check-interval", "0");
        return overrides;
    }
}
