package dev.retort.bench.relations;

import java.util.List;

/** W5b's result: the users loaded with their posts, and the number of posts counted while loading. */
record Loaded(List<User> users, long posts) {
    static long countPosts(List<User> users) {
        long posts = 0;
        for (User user : users) {
            posts += user.posts().size();
        }
        return posts;
    }
}
