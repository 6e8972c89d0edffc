package io.seatguard.core.pattern;

import java.util.List;
import java.util.Optional;

/** Port: flagged accounts. */
public interface PatternReader {
    /** Most recently seen first, at most {@code limit}. */
    List<AccountPattern> list(String appId, Optional<PatternKind> kind, Optional<PatternLevel> level, int limit);

    List<AccountPattern> forUser(String appId, String userId);
}
