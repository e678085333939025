package org.dxaflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dxaflow.access.Role;
import org.dxaflow.access.User;
import org.dxaflow.access.UserDirectory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/users}: who may sign in and with which roles (admins); never a hash. */
public final class UsersApi {

    private final UserDirectory users;
    private final ObjectMapper json;

    public UsersApi(UserDirectory users, ObjectMapper json) {
        this.users = users;
        this.json = json;
    }

    public ApiResponse list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (User u : users.all()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("username", u.username());
            one.put("name", u.name());
            one.put("title", u.title());
            one.put("registration", u.registration());
            one.put("roles", u.roles().stream().map(Role::externalName).sorted().toList());
            out.add(one);
        }
        return ApiResponse.json(json, 200, out);
    }
}
