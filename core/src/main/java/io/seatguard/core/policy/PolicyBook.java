package io.seatguard.core.policy;

/** Where the engine reads an app's policies and lists; an adapter may cache them. */
public interface PolicyBook {
    AppPolicies forApp(String appId);
}
