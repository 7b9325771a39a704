/// A page whose body was rendered beforehand (from an escaping template, see `PlanSnapshot.fragment`), inside the
/// frame of `layout.mustache` rendered for this request (`pagina.mustache`).
struct PreRenderedPage: Sendable {
    let page: PageChrome
    let body: String
}
