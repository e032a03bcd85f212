package id.spm.api.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.model.ChangeFeed;
import id.spm.api.repository.ChangeEvents;
import id.spm.api.security.CallerScope;

/**
 * The change feed, area-scoped: a change is listed when its district overlaps the caller's areas (an area
 * that contains the district, or one inside it: a kecamatan or Puskesmas caller sees its district's changes,
 * as its figures depend on them). The cursor advances past changes of other districts too.
 */
@ApplicationScoped
public class ChangeFeedService {

    private final ChangeEvents events;
    private final CallerScope scope;

    public ChangeFeedService(ChangeEvents events, CallerScope scope) {
        this.events = events;
        this.scope = scope;
    }

    public ChangeFeed since(long since, int limit) {
        List<ChangeEvents.Row> rows = events.after(since, limit);
        List<ChangeFeed.Change> out = new ArrayList<>();
        long next = since;
        for (ChangeEvents.Row r : rows) {
            next = r.cursor();
            if (overlaps(r.kabkotaCode())) {
                out.add(new ChangeFeed.Change(r.cursor(), r.at(), r.kind(), r.kabkotaCode(), r.year() == 0 ? null : r.year(),
                        r.period(), r.dataVersion(), r.detail()));
            }
        }
        return new ChangeFeed(out, next, rows.size() == limit);
    }

    private boolean overlaps(String district) {
        String d = digits(district);
        for (String area : scope.areas()) {
            if (area.equals(AreaCodeParam.NATIONAL)) {
                return true;
            }
            String a = digits(area);
            if (!a.isEmpty() && (d.startsWith(a) || a.startsWith(d))) {
                return true;
            }
        }
        return false;
    }

    private static String digits(String code) {
        return code.replaceAll("[^0-9]", "");
    }
}
