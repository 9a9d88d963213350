package dev.quorum.web;

import dev.quorum.catalog.ResourceKind;
import io.quarkus.qute.TemplateGlobal;
import java.util.List;

/** Values every page's layout uses, such as the kinds in the navigation. */
@TemplateGlobal
public class SiteGlobals {

    static List<ResourceKind> allKinds() {
        return List.of(ResourceKind.values());
    }
}
