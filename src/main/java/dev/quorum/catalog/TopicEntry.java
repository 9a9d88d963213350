package dev.quorum.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One step of a topic's reading path. */
@Entity
@Table(name = "topic_entry")
public class TopicEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "topic_slug", nullable = false)
    public String topicSlug;

    @Column(name = "resource_id", nullable = false)
    public String resourceId;

    @Column(nullable = false)
    public int position;

    public String note;

    /** A topic's path, in reading order. */
    public static List<TopicEntry> path(String topicSlug) {
        return list("topicSlug", Sort.by("position"), topicSlug);
    }

    public static long deletePath(String topicSlug) {
        return delete("topicSlug", topicSlug);
    }

    /** For each of {@code resourceIds}, the slugs of the active topics it belongs to, in topic order. */
    public static Map<String, List<String>> topicsOf(Collection<String> resourceIds) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (resourceIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = getEntityManager().createQuery(
                "select e.resourceId, t.slug from TopicEntry e, Topic t where t.slug = e.topicSlug"
                        + " and t.retiredAt is null and e.resourceId in :ids order by t.position, t.slug", Object[].class)
                .setParameter("ids", resourceIds)
                .getResultList();
        for (Object[] row : rows) {
            out.computeIfAbsent((String) row[0], k -> new java.util.ArrayList<>()).add((String) row[1]);
        }
        return out;
    }
}
