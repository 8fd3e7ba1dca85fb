import { cookies } from "next/headers";

// What every portal page does at the least: reads the request's cookies (which makes it dynamic,
// rendered for each request) and renders a list, here of 30 items.
const ITEMS = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, title: `示例课程 ${i + 1}`, credits: (i % 4) + 3 }));

export default async function BarePage() {
  const jar = await cookies();
  const visitor = jar.size > 0 ? "学员" : "访客";
  return (
    <main>
      <h1>基准页面</h1>
      <p>您好，{visitor}。</p>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.id}>
            {item.title}（{item.credits} 学分）
          </li>
        ))}
      </ul>
    </main>
  );
}
