// 评审会议 list (filled in by the next commit).
export default function SessionsPage() {
  return <div>评审会议</div>;
}
